//! `katapult_disks`: every disk of the provider's organization, page after
//! page, ordered by id; optionally only those with given annotations.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::shapes::listed::{Filter, Listed, Source};
use crate::datasource::objects::disk::{DISK_OBJECT, LIST, LISTED};

pub static DISKS: Listed = Listed {
    type_name: "katapult_disks",
    of: &DISK_OBJECT,
    source: Source::Organization(&LIST),
    filters: &[Filter::Annotations],
    list: Attribute::computed(
        "disks",
        Kind::ObjectList(LISTED),
        "The organization's disks, ordered by ID. Should the list change while it is read (a \
         disk created or deleted between two pages), the read starts again, up to twice, so \
         the result is one consistent listing.",
    ),
    summary: "Lists every disk of the organization, or those with given annotations. For \
              everything Katapult knows of one disk, use `katapult_disk` with its ID.",
    ..Listed::PLAIN
};
