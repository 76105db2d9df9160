//! `katapult_virtual_machine_disks`: the disks of one virtual machine, by
//! its id or FQDN, through `GET /virtual_machines/virtual_machine/disks`
//! (every page), ordered by disk id.
//!
//! The list lacks each disk's storage speed, bus type and IO profile, so
//! each disk is then read with `GET /disks/disk`, many at once within the
//! rate-limit budget. A disk gone between the list and its own read means
//! the list moved: the whole is read again, as any listing that changes.
//! An entry without its disk (the reference marks `disk` optional) is
//! skipped with a warning, as Katapult's Go provider skips it.
//! A list, then each item's read: a `Custom`.

use serde_json::{Map, Value as Json};

use crate::diag::Diagnostic;
use crate::katapult;
use crate::schema::{Attribute, Kind};
use crate::text::quoted;
use crate::tftypes::{AttributePath, Value};

use crate::datasource::core::answer;
use crate::datasource::core::error::ReadError;
use crate::datasource::core::lookup::{Lookup, Rule};
use crate::datasource::core::mapping::map_list;
use crate::datasource::core::pager::{self, Listing, Pass, Unidentified};
use crate::datasource::core::reads::OrganizationUse;
use crate::datasource::core::shapes::custom::Custom;
use crate::datasource::core::source::Answers;
use crate::datasource::core::source::{Computed, ReadContext, ReadFuture};
use crate::datasource::objects::disk::{
    BUS_TYPE, CREATED_AT, DISK_OBJECT, ID, IN_DATA_CENTER, IO_PROFILE, NAME, SIZE_IN_GB, STATE,
    STORAGE_SPEED, VIRTUAL_MACHINE_DISKS_OBJECT, WWN,
};
use crate::datasource::objects::virtual_machine::VIRTUAL_MACHINE_OBJECT;

pub static VIRTUAL_MACHINE_DISKS: Custom = Custom {
    type_name: "katapult_virtual_machine_disks",
    of: &VIRTUAL_MACHINE_DISKS_OBJECT,
    paths: &[VIRTUAL_MACHINE_DISKS_OBJECT.path, DISK_OBJECT.path],
    arguments: &[
        Attribute::optional_computed(
            "virtual_machine_id",
            Kind::String,
            "The virtual machine's ID, e.g. `vm_YlqLMYdXFTnpXhVC`. Set this or \
             `virtual_machine_fqdn`.",
        ),
        Attribute::optional_computed(
            "virtual_machine_fqdn",
            Kind::String,
            "The virtual machine's fully qualified domain name, e.g. \
             `web-1.acme.katapult.cloud`. Set this or `virtual_machine_id` (Katapult's Go \
             provider takes only the ID).",
        ),
    ],
    fields: &[Attribute::computed(
        "disks",
        Kind::ObjectList(DISK),
        "The machine's disks, ordered by ID. Should the list change while it is read (a disk \
         attached, detached or deleted meanwhile), the read starts again, up to twice, so the \
         result is one consistent listing.",
    )],
    summary: "Lists the disks of one virtual machine, given by its `virtual_machine_id` or its \
              `virtual_machine_fqdn` (exactly one), following every page, and reads each disk \
              for what the list leaves out.",
    organization: OrganizationUse::Unused,
    data_center: None,
    validate,
    read,
    ephemeral: false,
    answers: Some(Answers {
        path: "virtual_machines/virtual_machine/disks",
        argument: Some("virtual_machine_id"),
    }),
};

/// The machine, by exactly one of the list's keys; its "not found" is the
/// machine's.
const fn lookup() -> Lookup {
    Lookup::of(
        &VIRTUAL_MACHINE_OBJECT,
        VIRTUAL_MACHINE_DISKS_OBJECT.keys,
        Rule::ExactlyOne,
        "Check it, and that the key belongs to the organization that owns the machine.",
    )
}

/// Where a disk's attachment (the list entry, less its disk) is put in the
/// object each disk is mapped from.
const ATTACHMENT: &str = "attachment";

/// One disk of the machine: its own read's fields, and the attachment's.
const DISK: &[Attribute] = &[
    ID,
    NAME,
    SIZE_IN_GB,
    STORAGE_SPEED,
    BUS_TYPE,
    Attribute::computed(
        "io_profile_id",
        Kind::String,
        "The disk's IO profile's ID (`io_profile.id`); null when it has none.",
    )
    .from(&["io_profile", "id"]),
    WWN,
    STATE,
    CREATED_AT,
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
    IO_PROFILE,
    IN_DATA_CENTER,
];

fn validate(config: &Value) -> Vec<Diagnostic> {
    lookup().validate(config)
}

fn read<'a>(ctx: &'a ReadContext<'a>, config: &'a Value) -> ReadFuture<'a> {
    Box::pin(async move {
        let lookup = lookup();
        let given = lookup.read(config)?[0];
        let listing = Listing {
            path: VIRTUAL_MACHINE_DISKS_OBJECT.path,
            query: given.query().to_vec(),
            per_page: None,
            items: VIRTUAL_MACHINE_DISKS_OBJECT.key,
            id: &["disk", "id"],
            noun: "Virtual machine disk",
            owner: format!("virtual machine {}", quoted(given.value)),
        };
        let (listing, budget, client) = (&listing, &ctx.budget, ctx.client);
        let on_error = |e| lookup.error(e, &given);
        let on_error = &on_error;
        let (disks, skipped) = pager::consistent(listing, move || async move {
            let read =
                pager::read_pages_with(client, listing, budget, on_error, Unidentified::Kept);
            let Pass::Complete(entries) = read.await? else {
                return Ok(Pass::Changed);
            };
            with_each_disk(client, entries, budget).await
        })
        .await?;
        if skipped > 0 {
            ctx.warn(without_disk(skipped, given.value));
        }
        Ok(Computed::from([(
            "disks".to_owned(),
            map_list(&disks, DISK, "disks")?,
        )]))
    })
}

/// The list's entries, by disk id, each joined with its disk's own read:
/// the disk's fields, with the entry (less its disk) under `ATTACHMENT`;
/// and how many entries were skipped for naming no disk (`disk` absent or
/// null, which the API reference allows), as Katapult's Go provider skips
/// them. An entry whose `disk` has no id is an unexpected answer.
async fn with_each_disk(
    client: &katapult::Client,
    entries: Vec<Map<String, Json>>,
    budget: &katapult::Budget,
) -> Result<Pass<(Vec<Map<String, Json>>, usize)>, ReadError> {
    let listed = entries.len();
    let mut entries: Vec<_> = entries
        .into_iter()
        .filter(|e| !e.get("disk").is_none_or(Json::is_null))
        .collect();
    let skipped = listed - entries.len();
    pager::sort_by_id(&mut entries, &["disk", "id"]);
    let ids = entries
        .iter()
        .map(|e| pager::item_id(e, &["disk", "id"]))
        .collect::<Option<Vec<String>>>()
        .ok_or_else(|| ReadError::unexpected("a disk entry whose disk has no id"))?;
    let by_id = DISK_OBJECT.key("id").parameter;
    let answers = pager::get_each(client, DISK_OBJECT.path, by_id, &ids, budget).await;
    // One disk of a machine boots it: a lone disk that does not say is it,
    // as Katapult's Go provider takes it.
    let lone = listed == 1;
    let mut disks = Vec::with_capacity(entries.len());
    for ((mut entry, answer), id) in entries.into_iter().zip(answers).zip(&ids) {
        let answer = match answer {
            Ok(answer) => answer,
            // Gone (or binned) since the list was read: the list moved.
            Err(katapult::Error::NotFound { code }) if code == DISK_OBJECT.not_found => {
                return Ok(moved(id));
            }
            Err(katapult::Error::InTrash { .. }) => return Ok(moved(id)),
            Err(error) => return Err(ReadError::Api(error)),
        };
        let (mut disk, _) = answer::object(answer, DISK_OBJECT.key).map_err(|e| for_disk(e, id))?;
        entry.remove("disk");
        if lone && entry.get("boot").is_none_or(Json::is_null) {
            entry.insert("boot".to_owned(), Json::Bool(true));
        }
        disk.insert(ATTACHMENT.to_owned(), Json::Object(entry));
        disks.push(disk);
    }
    Ok(Pass::Complete((disks, skipped)))
}

/// The warning for `skipped` entries of `machine`'s list without a disk.
fn without_disk(skipped: usize, machine: &str) -> Diagnostic {
    let (entries, them) = if skipped == 1 {
        ("entry", "it")
    } else {
        ("entries", "them")
    };
    Diagnostic::warning(
        "Virtual machine disk without its disk",
        format!(
            "Katapult listed {skipped} disk {entries} of the virtual machine {} without the disk \
             attached, so `disks` leaves {them} out (as Katapult's Go provider does) and lists \
             the others. A disk being attached or removed can show so for a moment: run \
             Terraform again, and if a disk stays missing, check the machine's disks in the \
             Katapult console.",
            quoted(machine)
        ),
    )
    .at(AttributePath::root("disks"))
}

/// A listed disk is gone by its own read: the list moved.
fn moved<T>(disk: &str) -> Pass<T> {
    tracing::debug!(disk, "A listed disk is gone; reading the list again");
    Pass::Changed
}

/// An unreadable answer for one disk says which.
fn for_disk(error: ReadError, disk: &str) -> ReadError {
    match error {
        ReadError::Api(katapult::Error::UnexpectedResponse { status, problem }) => {
            ReadError::Api(katapult::Error::UnexpectedResponse {
                status,
                problem: format!("{problem} for the disk {}", quoted(disk)),
            })
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasource::core::source::DataSource;
    use std::collections::BTreeMap;

    #[test]
    fn exactly_one_of_id_and_fqdn() {
        let config = |id: Value, fqdn: Value| {
            Value::Object(BTreeMap::from([
                ("virtual_machine_id".to_owned(), id),
                ("virtual_machine_fqdn".to_owned(), fqdn),
            ]))
        };
        assert!(
            VIRTUAL_MACHINE_DISKS
                .validate(&config(Value::from("vm_1"), Value::Null))
                .is_empty()
        );
        assert!(
            VIRTUAL_MACHINE_DISKS
                .validate(&config(
                    Value::Null,
                    Value::from("web.example.katapult.cloud")
                ))
                .is_empty()
        );
        let both = VIRTUAL_MACHINE_DISKS.validate(&config(Value::from("vm_1"), Value::from("x")));
        assert_eq!(
            both[0].path.as_ref().map(ToString::to_string).as_deref(),
            Some("virtual_machine_fqdn")
        );
        let neither = VIRTUAL_MACHINE_DISKS.validate(&config(Value::Null, Value::Null));
        assert_eq!(
            neither[0].summary,
            "Missing virtual_machine_id or virtual_machine_fqdn"
        );
    }

    /// Issue 33 item 6: a disk entry without its disk (`disk` null or
    /// absent) is skipped with a warning at `disks`, the others listed; a
    /// `disk` without an id is still an unexpected answer.
    #[tokio::test]
    async fn an_entry_without_its_disk_is_skipped_with_a_warning() {
        use crate::datasource::core::source::read_state;
        use crate::datasource::core::testing;
        let api = katapult_testkit::fake_api::FakeApi::start().await.unwrap();
        let config = testing::config(&[
            ("virtual_machine_id", Value::from("vm_DiskMissing0000001")),
            ("virtual_machine_fqdn", Value::Null),
        ]);
        let connection = testing::connection(&api.url(), "");
        let read = read_state(&VIRTUAL_MACHINE_DISKS, &connection, &config)
            .await
            .unwrap();
        let Value::List(disks) = read.value.attribute("disks") else {
            panic!("{:?}", read.value)
        };
        assert_eq!(disks.len(), 1);
        assert_eq!(
            disks[0].attribute("id"),
            &Value::from("disk_gdsdytx0oVyB6nUP")
        );
        assert_eq!(disks[0].attribute("boot"), &Value::Bool(false), "not lone");
        let [warning] = &read.warnings[..] else {
            panic!("{:?}", read.warnings)
        };
        assert!(!warning.is_error());
        assert_eq!(warning.summary, "Virtual machine disk without its disk");
        assert!(
            warning.detail.starts_with(
                "Katapult listed 2 disk entries of the virtual machine \"vm_DiskMissing0000001\" \
                 without the disk attached, so `disks` leaves them out"
            ),
            "{}",
            warning.detail
        );
        assert_eq!(
            warning.path.as_ref().map(ToString::to_string).as_deref(),
            Some("disks")
        );
        let no_id = serde_json::json!({"disk": {"name": "x"}, "boot": true});
        let budget = katapult::Budget::new(std::time::Duration::from_secs(5));
        let err = with_each_disk(
            &connection.client,
            vec![no_id.as_object().unwrap().clone()],
            &budget,
        )
        .await
        .err()
        .unwrap();
        assert!(
            err.to_string()
                .contains("a disk entry whose disk has no id"),
            "{err}"
        );
        assert_eq!(api.requests(), 2, "the list and its one disk");
    }
}
