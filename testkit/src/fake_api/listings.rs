//! Lists beyond their recordings: an organization's disks (generated, by
//! the hundred, or changing while they are read), templates of an
//! organization of its own, virtual machines with many disks or disks that
//! go away; and the `include_universal` rule of the template list.

use serde_json::{Value, json};

use super::answers::{self, error, json};
use super::routes::Pattern::Is;
use super::routes::{Call, ListHandler, Pattern, Refusal, Reply};
use super::{organizations, orgs, vms};

/// An organization's disks, as the live API lists them: the list under the
/// singular `disk`, each item a subset of the disk, newest (highest id)
/// first. Notes each page asked for under the organization's name.
pub(super) fn organization_disks(call: &Call) -> Reply {
    let organization = call.value;
    let page: u64 = call
        .arg("page")
        .and_then(|p| p.parse().ok())
        .unwrap_or(1)
        .max(1);
    let per_page: u64 = call
        .arg("per_page")
        .and_then(|p| p.parse().ok())
        .unwrap_or(30)
        .clamp(1, 200);
    let served = {
        let mut pages = call.stats.pages.lock().unwrap();
        let seen = pages.entry(organization.to_owned()).or_default();
        seen.push((page, per_page));
        seen.len() as u64
    };
    let total: u64 = match organization {
        organizations::ACME => organizations::ACME_DISKS as u64,
        organizations::EMPTY => 0,
        // One more disk with every request.
        organizations::CHURNING => 300 + served,
        // 399 for the first request, 400 from the second on.
        organizations::SETTLING => 399 + u64::from(served > 1),
        _ => return answers::not_found("organization").into(),
    };
    let items: Vec<Value> = (0..total)
        .rev()
        .skip(((page - 1) * per_page) as usize)
        .take(per_page as usize)
        .map(|n| {
            let attachment = if n % 3 == 0 {
                json!({
                    "virtual_machine": {"id": format!("vm_{n:04}"), "fqdn": format!("vm-{n}.example.katapult.cloud")},
                    "attach_on_boot": true,
                    "boot": n % 2 == 0,
                    "state": "attached",
                })
            } else {
                Value::Null
            };
            json!({
                "id": format!("disk_{}{n:04}", capitalized(organization)),
                "name": format!("{organization}-disk-{n}"),
                "size_in_gb": 10 + n,
                "wwn": format!("{n:016x}"),
                "state": "built",
                "virtual_machine_disk": attachment,
            })
        })
        .collect();
    let body = json!({
        "pagination": {
            "current_page": page,
            "total_pages": total.div_ceil(per_page).max(1),
            "total": total,
            "per_page": per_page,
            "large_set": false,
        },
        "disk": items,
    });
    json(&body.to_string()).into()
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// Organizations whose template lists are generated.
pub(super) const TEMPLATES: &[(Pattern, ListHandler)] = &[(Is(orgs::BIGCO), bigco_templates)];

/// The universal templates (as recorded for `acme`), then 65 of its own.
fn bigco_templates(_: &Call) -> Vec<Value> {
    let recorded = &answers::get("organizations/_/disk_templates", orgs::ACME)
        .expect("acme's recorded templates")
        .json["disk_templates"];
    let universal = recorded.as_array().expect("a list").iter().cloned();
    let own = (0..orgs::BIGCO_TEMPLATES as u64).map(|n| {
        json!({"id": format!("dtpl_Bigco{n:012}"), "name": format!("Bigco image {n}"),
            "description": format!("Bigco's own image number {n}"),
            "permalink": format!("bigco/image-{n}"), "universal": false,
            "latest_version": {"id": format!("dtv_Bigco{n:012}"), "number": n + 1},
            "operating_system": {"id": "os_Debian0000000001", "name": "Debian"}})
    });
    universal.chain(own).collect()
}

/// The recorded lists hold the universal templates: they stay only with
/// `include_universal=true`. As recorded, the parameter is that or absent
/// (`false` is never sent); any other value is refused.
pub(super) fn include_universal(call: &Call, templates: Vec<Value>) -> Result<Vec<Value>, Refusal> {
    match call.arg("include_universal").as_deref() {
        Some("true") => Ok(templates),
        None => Ok(templates
            .into_iter()
            .filter(|t| t["universal"] != true)
            .collect()),
        Some(_) => Err(Box::new(error(
            "invalid_argument",
            "The 'include_universal' argument is invalid",
            "{}",
        ))),
    }
}

/// Virtual machines whose disk lists are generated.
pub(super) const VMS: &[(Pattern, ListHandler)] = &[
    (Is(vms::MANY), many),
    (Is(vms::TEN), ten),
    (Is(vms::MOVING), moving),
    (Is(vms::ALWAYS_MOVING), always_moving),
];

/// The disks of `vms::MANY` and `vms::TEN`: `PREFIX{n}`.
pub(super) const VM_MANY_DISK: &str = "disk_VmMany";
pub(super) const VM_TEN_DISK: &str = "disk_VmTen";

/// 35 disks, newest first; the first the boot disk, every fourth not
/// attached on boot.
fn many(_: &Call) -> Vec<Value> {
    (0..vms::MANY_DISKS)
        .rev()
        .map(|n| {
            entry(
                &format!("{VM_MANY_DISK}{n:09}"),
                n == 0,
                n % 4 != 3,
                "attached",
            )
        })
        .collect()
}

fn ten(_: &Call) -> Vec<Value> {
    (0..10)
        .map(|n| entry(&format!("{VM_TEN_DISK}{n:010}"), n == 0, true, "attached"))
        .collect()
}

/// The first listing names a disk that is deleted before it is read (it
/// has no answer); from the second on, that disk is gone from the list.
fn moving(call: &Call) -> Vec<Value> {
    let mut entries = vec![entry("disk_VmMoving0000001", true, true, "attached")];
    if call.listings <= 1 {
        entries.push(entry("disk_VmMovingGone001", false, true, "attached"));
    }
    entries
}

/// Every listing names another disk that is gone by its read.
fn always_moving(call: &Call) -> Vec<Value> {
    vec![
        entry("disk_VmAlwaysMoving1", true, true, "attached"),
        entry(
            &format!("disk_VmAlwaysGone{:04}", call.listings),
            false,
            true,
            "attached",
        ),
    ]
}

/// A machine's list entry for the disk `id`, its fields from the disk's
/// own answer (null for a disk that has none).
fn entry(id: &str, boot: bool, attach_on_boot: bool, state: &str) -> Value {
    let disk = answers::get("disks/disk", id)
        .map(|answer| answer.json.clone())
        .or_else(|| generated_vm_disk(id))
        .unwrap_or_else(|| json!({"disk": {"id": id}}));
    let d = &disk["disk"];
    json!({"disk": {"id": id, "name": d["name"], "size_in_gb": d["size_in_gb"], "wwn": d["wwn"],
            "state": d["state"], "created_at": d["created_at"]},
        "attach_on_boot": attach_on_boot, "boot": boot, "state": state})
}

/// `GET /disks/disk` for a disk of `vms::MANY` or `vms::TEN`.
pub(super) fn vm_disk(call: &Call) -> Reply {
    let disk = generated_vm_disk(call.value).expect("a generated machine's disk");
    json(&disk.to_string()).into()
}

/// A generated machine's disk, in the shape of the recorded ones.
fn generated_vm_disk(id: &str) -> Option<Value> {
    // The boot disk is number 0.
    let (vm, name, boot) = if id.starts_with(VM_MANY_DISK) {
        (vms::MANY, "Many", id.ends_with("000000000"))
    } else if id.starts_with(VM_TEN_DISK) {
        (vms::TEN, "Ten", id.ends_with("0000000000"))
    } else {
        return None;
    };
    let wwn = format!(
        "{:016x}",
        id.bytes()
            .fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)))
    );
    Some(json!({
        "annotations": [],
        "disk": {
            "id": id, "name": format!("{name} {id}"),
            "size_in_gb": 40, "wwn": wwn, "state": "built", "created_at": 1786810364,
            "storage_speed": "nvme",
            "io_profile": {"id": "diop_slvkma43oVxjJcRk", "name": "100k", "permalink": "100k", "speed_in_mb": 2000, "iops": 100000},
            "bus_type": "scsi",
            "data_center": {"id": "loc_UUhPmoCbpic6UX0Y", "name": "London", "permalink": "uk-lon-01"},
            "virtual_machine_disk": {"attach_on_boot": true, "boot": boot, "state": "attached",
                "virtual_machine": {"id": vm, "fqdn": format!("{}.terraform-acc-test.katapult.cloud", vm.to_lowercase())}},
            "installation": null,
        }
    }))
}
