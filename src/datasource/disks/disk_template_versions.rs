//! `katapult_disk_template_versions`: a disk template's versions, by the
//! template's ID or permalink, through `GET
//! /disk_templates/disk_template/versions` (every page), in the API's order.

use crate::schema::{Attribute, Kind};

use crate::datasource::core::lookup::Key;
use crate::datasource::core::shapes::listed::{Listed, Source};
use crate::datasource::objects::disk_template::{
    DISK_TEMPLATE_OBJECT, DISK_TEMPLATE_VERSION_OBJECT, LISTED_VERSION, VERSIONS,
};

pub static DISK_TEMPLATE_VERSIONS: Listed = Listed {
    type_name: "katapult_disk_template_versions",
    of: &DISK_TEMPLATE_VERSION_OBJECT,
    source: Source::Of {
        owner: &DISK_TEMPLATE_OBJECT,
        keys: &[
            Key::new(
                "disk_template_id",
                "disk_template[id]",
                "ID",
                "dtpl_GS03NCmS1Z17rXHq",
            ),
            Key::new(
                "disk_template_permalink",
                "disk_template[permalink]",
                "permalink",
                "templates/ubuntu-20-04",
            ),
        ],
        list: &VERSIONS,
    },
    list: Attribute::computed(
        "disk_template_versions",
        Kind::ObjectList(LISTED_VERSION),
        "The template's versions, in the API's order: each one's ID, number, whether it is \
         stable and the disk size it needs.",
    ),
    summary: "Lists the versions of one disk template, named by its `disk_template_id` or its \
              `disk_template_permalink` (exactly one), following every page.",
    hint: "`katapult_disk_templates` lists the templates the organization may use.",
    ..Listed::PLAIN
};
