//! `katapult_virtual_machine_disks`: the disks of one virtual machine, by
//! its id or FQDN, through `GET /virtual_machines/virtual_machine/disks`
//! (every page), ordered by disk id.
//!
//! The list lacks each disk's storage speed, bus type and IO profile, so
//! each disk is then read with `GET /disks/disk`, many at once within the
//! rate-limit budget. A disk gone between the list and its own read means
//! the list moved: the whole is read again, as any listing that changes.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::{Map, Value as Json};

use crate::diag::Diagnostic;
use crate::katapult;
use crate::schema::{Attribute, Block, Kind};
use crate::text::quoted;
use crate::tftypes::{AttributePath, Value};

use super::disk::DATA_CENTER;
use super::disk_io_profile::PROFILE;
use super::mapping::map_list;
use super::pager::{self, Listing, Pass};
use super::{
    DataSource, Keys, ReadContext, ReadError, ReadFuture, TIMEOUTS, read_budget, read_lookup,
    timeouts_state, validate_lookup,
};

pub struct VirtualMachineDisks;

/// Where a disk's attachment (the list entry, less its disk) is put in the
/// object each disk is mapped from.
const ATTACHMENT: &str = "attachment";

/// One disk of the machine: its own read's fields, and the attachment's.
const DISK: &[Attribute] = &[
    Attribute::computed("id", Kind::String, "The disk's ID."),
    Attribute::computed("name", Kind::String, "The disk's name."),
    Attribute::computed("size_in_gb", Kind::Number, "The disk's size in GB."),
    Attribute::computed(
        "storage_speed",
        Kind::String,
        "The class of storage the disk is on: `nvme` or `ssd`.",
    ),
    Attribute::computed(
        "bus_type",
        Kind::String,
        "How the disk is presented to the machine: `scsi` or `virtio`; may be null.",
    ),
    Attribute::computed(
        "io_profile_id",
        Kind::String,
        "The disk's IO profile's ID (`io_profile.id`); null when it has none.",
    )
    .from(&["io_profile", "id"]),
    Attribute::computed("wwn", Kind::String, "The disk's World Wide Name."),
    Attribute::computed(
        "state",
        Kind::String,
        "The disk's state, e.g. `built` (values Katapult adds later are passed through).",
    ),
    Attribute::computed(
        "created_at",
        Kind::Number,
        "When the disk was created, as a Unix timestamp in seconds.",
    ),
    Attribute::computed(
        "boot",
        Kind::Bool,
        "Whether the machine boots from this disk. Exactly one disk of a machine is its boot \
         disk, attached or not.",
    )
    .from(&[ATTACHMENT, "boot"]),
    Attribute::computed(
        "attach_on_boot",
        Kind::Bool,
        "Whether the disk is attached when the machine boots.",
    )
    .from(&[ATTACHMENT, "attach_on_boot"]),
    Attribute::computed(
        "attachment_state",
        Kind::String,
        "The attachment's state: `attached`, `detached`, `attaching`, `detaching` or `failed` \
         (values Katapult adds later are passed through). A machine's boot disk may be \
         `detached`.",
    )
    .from(&[ATTACHMENT, "state"]),
    Attribute::computed(
        "io_profile",
        Kind::Object(PROFILE),
        "The IO profile that limits the disk's throughput; null when it has none.",
    ),
    Attribute::computed(
        "data_center",
        Kind::Object(DATA_CENTER),
        "The data center the disk is in.",
    ),
];

const KEYS: [&str; 2] = ["virtual_machine_id", "virtual_machine_fqdn"];

static SCHEMA: Block = Block {
    description: "Lists the disks of one virtual machine, given by its `virtual_machine_id` or \
                  its `virtual_machine_fqdn` (exactly one), through \
                  `GET /core/v1/virtual_machines/virtual_machine/disks`, following every page, \
                  and reads each disk (`GET /core/v1/disks/disk`) for what the list leaves out. \
                  Needs an API token with the scopes to read virtual machines and disks.",
    attributes: &[
        Attribute::optional_computed(
            "virtual_machine_id",
            Kind::String,
            "The virtual machine's ID, e.g. `vm_...`. Set this or `virtual_machine_fqdn`.",
        ),
        Attribute::optional_computed(
            "virtual_machine_fqdn",
            Kind::String,
            "The virtual machine's fully qualified domain name. Set this or \
             `virtual_machine_id` (Katapult's Go provider takes only the ID).",
        ),
        Attribute::computed(
            "disks",
            Kind::ObjectList(DISK),
            "The machine's disks, ordered by ID. Should the list change while it is read (a \
             disk attached, detached or deleted meanwhile), the read starts again, up to twice, \
             so the result is one consistent listing.",
        ),
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

impl DataSource for VirtualMachineDisks {
    fn type_name(&self) -> &'static str {
        "katapult_virtual_machine_disks"
    }

    fn schema(&self) -> &'static Block {
        &SCHEMA
    }

    fn validate(&self, config: &Value) -> Vec<Diagnostic> {
        validate_lookup(config, &KEYS, Keys::ExactlyOne)
    }

    fn read<'a>(&'a self, ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
        Box::pin(async move {
            let keys = read_lookup(config, &KEYS, Keys::ExactlyOne)?;
            let (key, wanted) = keys[0];
            let budget = read_budget(ctx, config)?;
            let listing = Listing {
                path: "virtual_machines/virtual_machine/disks",
                query: vec![(
                    if key == "virtual_machine_id" {
                        "virtual_machine[id]"
                    } else {
                        "virtual_machine[fqdn]"
                    },
                    wanted,
                )],
                per_page: None,
                items: "disks",
                id: &["disk", "id"],
                noun: "Virtual machine disk",
                owner: format!("virtual machine {}", quoted(wanted)),
            };
            let (listing, budget, client) = (&listing, &budget, ctx.client);
            let on_error = move |e| machine_error(e, key, wanted);
            let disks = pager::consistent(listing, move || async move {
                let Pass::Complete(entries) =
                    pager::read_pages(client, listing, budget, &on_error).await?
                else {
                    return Ok(Pass::Changed);
                };
                with_each_disk(client, entries, budget).await
            })
            .await?;
            let items = map_list(&disks, DISK, "disks")?;
            let mut state = BTreeMap::from([
                ("disks".to_owned(), items),
                ("timeouts".to_owned(), timeouts_state(config)),
            ]);
            for name in KEYS {
                state.insert(name.to_owned(), Value::Null);
            }
            state.insert(key.to_owned(), Value::from(wanted));
            Ok(Value::Object(state))
        })
    }
}

/// The list's entries, by disk id, each joined with its disk's own read:
/// the disk's fields, with the entry (less its disk) under `ATTACHMENT`.
async fn with_each_disk(
    client: &katapult::Client,
    mut entries: Vec<Map<String, Json>>,
    budget: &katapult::Budget,
) -> Result<Pass<Vec<Map<String, Json>>>, ReadError> {
    pager::sort_by_id(&mut entries, &["disk", "id"]);
    let ids: Vec<String> = entries
        .iter()
        .filter_map(|e| pager::item_id(e, &["disk", "id"]))
        .collect();
    let answers = pager::get_each(client, "disks/disk", "disk[id]", &ids, budget).await;
    // One disk of a machine boots it: a lone disk that does not say is it,
    // as Katapult's Go provider takes it.
    let lone = entries.len() == 1;
    let mut disks = Vec::with_capacity(entries.len());
    for ((mut entry, answer), id) in entries.into_iter().zip(answers).zip(&ids) {
        let answer = match answer {
            Ok(answer) => answer,
            // Gone (or binned) since the list was read: the list moved.
            Err(katapult::Error::NotFound { .. } | katapult::Error::InTrash { .. }) => {
                tracing::debug!(
                    disk = id.as_str(),
                    "A listed disk is gone; reading the list again"
                );
                return Ok(Pass::Changed);
            }
            Err(error) => return Err(ReadError::Api(error)),
        };
        let Json::Object(mut root) = answer else {
            return Err(unexpected(id, "JSON that is not an object"));
        };
        let Some(Json::Object(mut disk)) = root.remove("disk") else {
            return Err(unexpected(id, "JSON without a \"disk\" object"));
        };
        entry.remove("disk");
        if lone && entry.get("boot").is_none_or(Json::is_null) {
            entry.insert("boot".to_owned(), Json::Bool(true));
        }
        disk.insert(ATTACHMENT.to_owned(), Json::Object(entry));
        disks.push(disk);
    }
    Ok(Pass::Complete(disks))
}

fn unexpected(disk: &str, problem: &str) -> ReadError {
    ReadError::Api(katapult::Error::UnexpectedResponse {
        status: 200,
        problem: format!("{problem} for the disk {}", quoted(disk)),
    })
}

/// What the API's errors mean for the machine given by `key`.
fn machine_error(error: katapult::Error, key: &'static str, wanted: &str) -> ReadError {
    match error {
        katapult::Error::NotFound { .. } => ReadError::Missing {
            summary: "Virtual machine not found".to_owned(),
            detail: format!(
                "Katapult has no virtual machine with {} {} that this API key can see. Check \
                 it, and that the key belongs to the organization that owns the machine.",
                if key == "virtual_machine_id" {
                    "ID"
                } else {
                    "FQDN"
                },
                quoted(wanted)
            ),
            at: Some(AttributePath::root(key)),
        },
        error @ katapult::Error::InTrash { .. } => ReadError::About {
            error,
            at: AttributePath::root(key),
        },
        error => ReadError::Api(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exactly_one_of_id_and_fqdn() {
        let config = |id: Value, fqdn: Value| {
            Value::Object(BTreeMap::from([
                ("virtual_machine_id".to_owned(), id),
                ("virtual_machine_fqdn".to_owned(), fqdn),
            ]))
        };
        assert!(
            VirtualMachineDisks
                .validate(&config(Value::from("vm_1"), Value::Null))
                .is_empty()
        );
        assert!(
            VirtualMachineDisks
                .validate(&config(
                    Value::Null,
                    Value::from("web.example.katapult.cloud")
                ))
                .is_empty()
        );
        let both = VirtualMachineDisks.validate(&config(Value::from("vm_1"), Value::from("x")));
        assert_eq!(
            both[0].path.as_ref().map(ToString::to_string).as_deref(),
            Some("virtual_machine_fqdn")
        );
        let neither = VirtualMachineDisks.validate(&config(Value::Null, Value::Null));
        assert_eq!(
            neither[0].summary,
            "Missing virtual_machine_id or virtual_machine_fqdn"
        );
    }
}
