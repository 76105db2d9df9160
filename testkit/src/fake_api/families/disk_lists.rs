//! The disk family's lists beyond their recordings (handlers its routes, in
//! `disks.rs`, name): an organization's disks (generated, by the hundred,
//! or changing while they are read), templates of an organization of its
//! own, virtual machines with many disks or disks that go away; and the
//! `include_universal` rule of the template list.

use serde_json::{Value, json};

use crate::fake_api::answers::{self, error, json};
use crate::fake_api::call::Pattern::{Is, Prefix};
use crate::fake_api::call::{Call, ListHandler, Pattern, Refusal, Reply};
use crate::fake_api::cases::{FULL_DISK_ID, REAL_DISK_ID, organizations, orgs, vms};

/// An organization's disks, as the live API lists them: the list under the
/// singular `disk`, each item a subset of the disk, newest (highest id)
/// first. Notes each page asked for under the organization's name.
pub(super) fn organization_disks(call: &Call) -> Reply {
    let organization = call.value;
    let (page, per_page) = call.paging();
    let served = {
        let mut pages = call.stats.pages.lock().unwrap();
        let seen = pages.entry(organization.to_owned()).or_default();
        seen.push((page, per_page));
        seen.len() as u64
    };
    let count: u64 = match organization {
        organizations::ACME | organizations::LARGE_SET => organizations::ACME_DISKS as u64,
        organizations::EMPTY => 0,
        // One more disk with every request.
        organizations::CHURNING => 300 + served,
        // 399 for the first request, 400 from the second on.
        organizations::SETTLING => 399 + u64::from(served > 1),
        _ => return answers::not_found("organization").into(),
    };
    let wanted = match call.annotation_filter() {
        Ok(wanted) => wanted,
        Err(refusal) => return (*refusal).into(),
    };
    let listed: Vec<u64> = (0..count)
        .rev()
        .filter(|n| answers::carries(&disk_annotations(organization, *n), &wanted))
        .collect();
    let total = listed.len() as u64;
    let items: Vec<Value> = listed
        .into_iter()
        .skip(((page - 1) * per_page) as usize)
        .take(per_page as usize)
        .map(|n| organization_disk(organization, n))
        .collect();
    let large_set = organization == organizations::LARGE_SET;
    let body = json!({
        "pagination": {
            "current_page": page,
            "total_pages": (!large_set).then(|| total.div_ceil(per_page).max(1)),
            "total": (!large_set).then_some(total),
            "per_page": per_page,
            "large_set": large_set,
        },
        "disk": items,
    });
    json(&body.to_string()).into()
}

/// The `n`th disk of a generated organization, as its list has it: every
/// third attached, to a machine of its own (`vm_{n:04}`), whose disk list
/// holds it.
fn organization_disk(organization: &str, n: u64) -> Value {
    let attachment = if n.is_multiple_of(3) {
        json!({
            "virtual_machine": {"id": format!("vm_{n:04}"), "fqdn": format!("vm-{n}.example.katapult.cloud")},
            "attach_on_boot": true,
            "boot": n.is_multiple_of(2),
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
}

/// The annotations of a generated organization's disk `n`, as its own read
/// has them: `acme`'s every fifth `role=database`, every tenth
/// `backup=nightly` too; none elsewhere.
fn disk_annotations(organization: &str, n: u64) -> Value {
    let mut annotations = Vec::new();
    if organization == organizations::ACME && n.is_multiple_of(5) {
        annotations.push(json!({"key": "role", "value": "database"}));
        if n.is_multiple_of(10) {
            annotations.push(json!({"key": "backup", "value": "nightly"}));
        }
    }
    Value::Array(annotations)
}

/// The disks of `organizations::ACME`: `PREFIX{n:04}`.
pub(super) const ACME_DISK: &str = "disk_Acme";

/// The number of the sample organization's disk `id`, if it lists one.
fn acme_number(id: &str) -> Option<u64> {
    let digits = id.strip_prefix(ACME_DISK)?;
    let n: u64 = digits.parse().ok()?;
    let listed = n < organizations::ACME_DISKS as u64
        && organization_disk(organizations::ACME, n)["id"] == id;
    listed.then_some(n)
}

/// A disk of the sample organization, whole: the real disk's recorded shape
/// with the fields its listing gives it.
fn acme_disk(id: &str) -> Option<Value> {
    let n = acme_number(id)?;
    let item = organization_disk(organizations::ACME, n);
    let mut answer = answers::get("disks/disk", REAL_DISK_ID)
        .expect("the real disk")
        .json
        .clone();
    for (field, value) in item.as_object().expect("a disk") {
        answer["disk"][field] = value.clone();
    }
    answer["annotations"] = disk_annotations(organizations::ACME, n);
    Some(answer)
}

/// `GET /disks/disk` for a disk of `organizations::ACME`, as listed.
pub(super) fn acme_disk_read(call: &Call) -> Reply {
    match acme_disk(call.value) {
        Some(disk) => json(&disk.to_string()).into(),
        None => answers::not_found("disk").into(),
    }
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
fn bigco_templates(_: &Call) -> Option<Vec<Value>> {
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
    Some(universal.chain(own).collect())
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
    (Is(vms::FULL_DISK_VM), full_disk_machine),
    (Prefix("vm_"), acme_machine),
];

/// The machine a `virtual_machine[fqdn]` names, by the FQDN its disks
/// report: `vms::WEB_FQDN`, the full disk's machine, the sample
/// organization's machines, and the Go provider's test machines
/// (`ID.terraform-acc-test.katapult.cloud`, the id in lower case).
pub(super) fn machine_by_fqdn(fqdn: &str) -> Option<String> {
    let known = [
        (vms::WEB_FQDN, vms::WEB),
        (vms::FULL_DISK_VM_FQDN, vms::FULL_DISK_VM),
    ];
    if let Some((_, vm)) = known.iter().find(|(known, _)| *known == fqdn) {
        return Some((*vm).to_owned());
    }
    let acc_test = [
        vms::DETACHED_BOOT,
        vms::MANY,
        vms::TEN,
        vms::MOVING,
        vms::ALWAYS_MOVING,
    ];
    if let Some(vm) = acc_test.iter().find(|vm| acc_test_fqdn(vm) == fqdn) {
        return Some((*vm).to_owned());
    }
    let n: u64 = fqdn
        .strip_prefix("vm-")?
        .strip_suffix(".example.katapult.cloud")?
        .parse()
        .ok()?;
    let machine =
        &organization_disk(organizations::ACME, n)["virtual_machine_disk"]["virtual_machine"];
    if n >= organizations::ACME_DISKS as u64 || machine["fqdn"] != fqdn {
        return None;
    }
    machine["id"].as_str().map(str::to_owned)
}

/// The FQDN the Go provider's recordings give a test machine.
fn acc_test_fqdn(vm: &str) -> String {
    format!("{}.terraform-acc-test.katapult.cloud", vm.to_lowercase())
}

/// A machine of the sample organization (`vm_{n:04}`): the one disk its
/// list says is attached to it.
fn acme_machine(call: &Call) -> Option<Vec<Value>> {
    let n: u64 = call.suffix.parse().ok()?;
    let disk = organization_disk(organizations::ACME, n);
    let attached = n < organizations::ACME_DISKS as u64
        && disk["virtual_machine_disk"]["virtual_machine"]["id"] == call.value;
    if !attached {
        return None;
    }
    Some(vec![attached_entry(disk["id"].as_str()?)?])
}

/// The machine the full disk is attached to: that disk, its boot disk.
fn full_disk_machine(_: &Call) -> Option<Vec<Value>> {
    Some(vec![attached_entry(FULL_DISK_ID)?])
}

/// The disks of `vms::MANY` and `vms::TEN`: `PREFIX{n}`.
pub(super) const VM_MANY_DISK: &str = "disk_VmMany";
pub(super) const VM_TEN_DISK: &str = "disk_VmTen";

/// A generated machine's disk `n`: its id, whether it is the boot disk and
/// whether it is attached on boot.
type Generated = (String, bool, bool);

/// `vms::MANY`'s disks: the first the boot disk, every fourth not attached
/// on boot.
fn many_disk(n: u64) -> Generated {
    (format!("{VM_MANY_DISK}{n:09}"), n == 0, n % 4 != 3)
}

/// `vms::TEN`'s disks: the first the boot disk.
fn ten_disk(n: u64) -> Generated {
    (format!("{VM_TEN_DISK}{n:010}"), n == 0, true)
}

/// 35 disks, newest first.
fn many(_: &Call) -> Option<Vec<Value>> {
    (0..vms::MANY_DISKS as u64)
        .rev()
        .map(|n| attached_entry(&many_disk(n).0))
        .collect()
}

fn ten(_: &Call) -> Option<Vec<Value>> {
    (0..10).map(|n| attached_entry(&ten_disk(n).0)).collect()
}

/// The first listing names a disk that is deleted before it is read (it
/// has no answer); from the second on, that disk is gone from the list.
fn moving(call: &Call) -> Option<Vec<Value>> {
    let mut entries = vec![entry("disk_VmMoving0000001", true, true, "attached")];
    if call.listings <= 1 {
        entries.push(entry("disk_VmMovingGone001", false, true, "attached"));
    }
    Some(entries)
}

/// Every listing names another disk that is gone by its read.
fn always_moving(call: &Call) -> Option<Vec<Value>> {
    Some(vec![
        entry("disk_VmAlwaysMoving1", true, true, "attached"),
        entry(
            &format!("disk_VmAlwaysGone{:04}", call.listings),
            false,
            true,
            "attached",
        ),
    ])
}

/// The answer `GET /disks/disk` gives for `id`, when it gives a disk: the
/// recorded disks, the generated machines' and the sample organization's.
fn disk_answer(id: &str) -> Option<Value> {
    match answers::get("disks/disk", id) {
        Some(answer) if answer.json.get("error").is_none() => Some(answer.json.clone()),
        Some(_) => None,
        None => generated_vm_disk(id).or_else(|| acme_disk(id)),
    }
}

/// A machine's list entry for the disk `id`, its fields from the disk's
/// own answer (null for a disk that has none).
fn entry(id: &str, boot: bool, attach_on_boot: bool, state: &str) -> Value {
    let disk = disk_answer(id).unwrap_or_else(|| json!({"disk": {"id": id}}));
    let d = &disk["disk"];
    json!({"disk": {"id": id, "name": d["name"], "size_in_gb": d["size_in_gb"], "wwn": d["wwn"],
            "state": d["state"], "created_at": d["created_at"]},
        "attach_on_boot": attach_on_boot, "boot": boot, "state": state})
}

/// A machine's list entry for the disk `id`, its attachment too from the
/// disk's own answer; none for a disk that is not attached.
fn attached_entry(id: &str) -> Option<Value> {
    let disk = disk_answer(id)?;
    let attachment = &disk["disk"]["virtual_machine_disk"];
    Some(entry(
        id,
        attachment["boot"].as_bool()?,
        attachment["attach_on_boot"].as_bool()?,
        attachment["state"].as_str()?,
    ))
}

/// `GET /disks/disk` for a disk of `vms::MANY` or `vms::TEN`.
pub(super) fn vm_disk(call: &Call) -> Reply {
    match generated_vm_disk(call.value) {
        Some(disk) => json(&disk.to_string()).into(),
        None => answers::not_found("disk").into(),
    }
}

/// A generated machine's disk, in the shape of the recorded ones.
fn generated_vm_disk(id: &str) -> Option<Value> {
    // Only the disks the machine's list names.
    let (vm, name, (_, boot, attach_on_boot)) = if id.starts_with(VM_MANY_DISK) {
        let disk = (0..vms::MANY_DISKS as u64)
            .map(many_disk)
            .find(|d| d.0 == id)?;
        (vms::MANY, "Many", disk)
    } else if id.starts_with(VM_TEN_DISK) {
        (vms::TEN, "Ten", (0..10).map(ten_disk).find(|d| d.0 == id)?)
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
            "virtual_machine_disk": {"attach_on_boot": attach_on_boot, "boot": boot, "state": "attached",
                "virtual_machine": {"id": vm, "fqdn": acc_test_fqdn(vm)}},
            "installation": null,
        }
    }))
}
