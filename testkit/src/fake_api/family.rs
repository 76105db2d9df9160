//! The disk family's endpoints, answering as the live API's recordings do
//! (`shared/reference/katapult-api-disk-family.md`): disk I/O profiles,
//! disk templates (the list and one), a virtual machine's disks, and the
//! per-disk reads that follow.

use std::sync::atomic::Ordering;
use std::time::Duration;

use hyper::StatusCode;
use serde_json::{Value, json};

use super::{Answer, Stats, error, json as respond};

/// Organizations with profiles and templates: the recorded ones, and one
/// whose templates span several pages.
pub mod orgs {
    /// The recorded profiles and the 12 recorded universal templates; no
    /// templates of its own (the recorded empty list, `total_pages: 0`).
    pub const ACME: &str = "acme";
    /// 65 templates of its own, over three pages of 30.
    pub const BIGCO: &str = "bigco";
    pub const BIGCO_TEMPLATES: usize = 65;
}

/// Virtual machines, by id.
pub mod vms {
    /// Two disks: a data disk and the system (boot) disk, as in the Go
    /// provider's DataSourceVirtualMachineDisks_basic recording.
    pub const WEB: &str = "vm_WebServer00000001";
    pub const WEB_FQDN: &str = "web-1.acme.katapult.cloud";
    pub const WEB_DATA_DISK: &str = "disk_gdsdytx0oVyB6nUP";
    pub const WEB_SYSTEM_DISK: &str = "disk_pXSKrHIqT7L67qcR";
    /// One disk, the boot disk, detached (recorded in 9 answers).
    pub const DETACHED_BOOT: &str = "vm_DetachedBoot00001";
    pub const DETACHED_BOOT_DISK: &str = "disk_DetachedBoot001";
    /// 35 disks over two pages of 30, listed newest first.
    pub const MANY: &str = "vm_ManyDisks00000001";
    pub const MANY_DISKS: usize = 35;
    /// 10 disks, for the benchmark.
    pub const TEN: &str = "vm_TenDisks000000001";
    /// Its first listing names a disk deleted before it is read (404);
    /// from the second on, the disk is gone from the list.
    pub const MOVING: &str = "vm_MovingDisks000001";
    /// Every listing names a disk that is gone by its read.
    pub const ALWAYS_MOVING: &str = "vm_AlwaysMoving00001";
    /// In the trash.
    pub const IN_TRASH: &str = "vm_InTheTrash0000001";
}

const PROFILES: &str = r#"[{"id":"diop_slvkma43oVxjJcRk","name":"100k","permalink":"100k","speed_in_mb":2000,"iops":100000},{"id":"diop_i39iT7k0RYAdQP48","name":"Unrestricted","permalink":"unrestricted","speed_in_mb":null,"iops":null}]"#;

/// The 12 universal templates, in the recorded (name) order: (id, name,
/// permalink, latest version id, its number, OS id, OS name).
pub const TEMPLATES: [(&str, &str, &str, &str, u64, &str, &str); 12] = [
    (
        "dtpl_Alma80000000001",
        "AlmaLinux 8",
        "templates/almalinux-8",
        "dtv_Alma8v000000011",
        11,
        "os_AlmaLinux00000001",
        "AlmaLinux",
    ),
    (
        "dtpl_Alma90000000001",
        "AlmaLinux 9",
        "templates/almalinux-9",
        "dtv_Alma9v000000002",
        2,
        "os_AlmaLinux00000001",
        "AlmaLinux",
    ),
    (
        "dtpl_CentOS770000001",
        "CentOS 7.7",
        "templates/centos-7-7",
        "dtv_CentOS77v000004",
        4,
        "os_CentOS0000000001",
        "CentOS",
    ),
    (
        "dtpl_CentOS790000001",
        "CentOS 7.9",
        "templates/centos-7-9",
        "dtv_CentOS79v000002",
        2,
        "os_CentOS0000000001",
        "CentOS",
    ),
    (
        "dtpl_CentOS840000001",
        "CentOS 8.4",
        "templates/centos-8-4",
        "dtv_CentOS84v000001",
        1,
        "os_CentOS0000000001",
        "CentOS",
    ),
    (
        "dtpl_Debian102000001",
        "Debian 10.2",
        "templates/debian-10-2",
        "dtv_Debian102v00002",
        2,
        "os_Debian0000000001",
        "Debian",
    ),
    (
        "dtpl_Debian110000001",
        "Debian 11",
        "templates/debian-11",
        "dtv_Debian11v000001",
        1,
        "os_Debian0000000001",
        "Debian",
    ),
    (
        "dtpl_Debian911000001",
        "Debian 9.11",
        "templates/debian-9-11",
        "dtv_Debian911v00001",
        1,
        "os_Debian0000000001",
        "Debian",
    ),
    (
        "dtpl_Fedora320000001",
        "Fedora 32",
        "templates/fedora-32",
        "dtv_Fedora32v000003",
        3,
        "os_Fedora0000000001",
        "Fedora",
    ),
    (
        "dtpl_dHTYevsvwvsL0Hea",
        "Ubuntu 18.04",
        "templates/ubuntu-18-04",
        "dtv_Ubuntu1804v0001",
        1,
        "os_DH6P34tVwUGYlcEN",
        "Ubuntu",
    ),
    (
        "dtpl_GS03NCmS1Z17rXHq",
        "Ubuntu 20.04",
        "templates/ubuntu-20-04",
        "dtv_Ha4LXNfpQddNlUcT",
        7,
        "os_DH6P34tVwUGYlcEN",
        "Ubuntu",
    ),
    (
        "dtpl_NUDgA9T8IQMfDdSc",
        "Ubuntu 22.04",
        "templates/ubuntu-22-04",
        "dtv_Ubuntu2204v0001",
        1,
        "os_DH6P34tVwUGYlcEN",
        "Ubuntu",
    ),
];

/// The badge the single-template answer carries on Ubuntu.
pub const BADGE_URL: &str = "https://my.katapult.io/attachment/0d3c2f8e/cof_orange_hex.png";

/// The paths served here.
pub const PATHS: [&str; 4] = [
    "/core/v1/organizations/organization/disk_io_profiles",
    "/core/v1/organizations/_/disk_templates",
    "/core/v1/disk_templates/_",
    "/core/v1/virtual_machines/virtual_machine/disks",
];

/// The answer for a family path, or None for a path this does not serve.
pub async fn answer(path: &str, query: &str, stats: &Stats) -> Option<Answer> {
    let arg = |name: &str| {
        url::form_urlencoded::parse(query.as_bytes())
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    let latency = stats.latency_us.load(Ordering::SeqCst);
    let answer = match path {
        "/core/v1/organizations/organization/disk_io_profiles" => {
            let org = arg("organization[sub_domain]").unwrap_or_default();
            record(stats, &format!("profiles:{org}"), &arg);
            match org.as_str() {
                orgs::ACME | orgs::BIGCO => {
                    page(&arg, PROFILES.parse().ok()?, "disk_io_profiles", 30)
                }
                _ => organization_not_found(),
            }
        }
        "/core/v1/organizations/_/disk_templates" => {
            let org = arg("organization[sub_domain]").unwrap_or_default();
            record(stats, &format!("templates:{org}"), &arg);
            // As recorded: the parameter is present (`true`) or absent.
            let universal = match arg("include_universal").as_deref() {
                Some("true") => true,
                None => false,
                Some(_) => {
                    return Some(Ok(error(
                        StatusCode::BAD_REQUEST,
                        "invalid_argument",
                        "The 'include_universal' argument is invalid",
                        "{}",
                    )));
                }
            };
            let mut items: Vec<Value> = Vec::new();
            if universal {
                items.extend(TEMPLATES.iter().map(|t| listed_template(*t)));
            }
            match org.as_str() {
                orgs::ACME => {}
                orgs::BIGCO => items.extend((0..orgs::BIGCO_TEMPLATES).map(|n| {
                    json!({"id": format!("dtpl_Bigco{n:012}"), "name": format!("Bigco image {n}"),
                        "description": format!("Bigco's own image number {n}"),
                        "permalink": format!("bigco/image-{n}"), "universal": false,
                        "latest_version": {"id": format!("dtv_Bigco{n:012}"), "number": n + 1},
                        "operating_system": {"id": "os_Debian0000000001", "name": "Debian"}})
                })),
                _ => return Some(Ok(organization_not_found())),
            }
            page(&arg, Value::Array(items), "disk_templates", 30)
        }
        "/core/v1/disk_templates/_" => {
            let found = match (arg("disk_template[id]"), arg("disk_template[permalink]")) {
                (Some(id), None) => TEMPLATES.iter().find(|t| t.0 == id),
                (None, Some(permalink)) => TEMPLATES.iter().find(|t| t.2 == permalink),
                _ => {
                    return Some(Ok(error(
                        StatusCode::BAD_REQUEST,
                        "missing_required_argument",
                        "The 'disk_template' argument is required but was not provided",
                        "{}",
                    )));
                }
            };
            match found {
                Some(t) => respond(
                    StatusCode::OK,
                    &json!({"disk_template": single_template(*t)}).to_string(),
                ),
                None => error(
                    StatusCode::NOT_FOUND,
                    "disk_template_not_found",
                    "No disk template was found matching any of the criteria provided in the arguments",
                    "{}",
                ),
            }
        }
        "/core/v1/virtual_machines/virtual_machine/disks" => {
            let vm = match (arg("virtual_machine[id]"), arg("virtual_machine[fqdn]")) {
                (Some(id), None) => id,
                (None, Some(fqdn)) if fqdn == vms::WEB_FQDN => vms::WEB.to_owned(),
                (None, Some(_)) => String::new(),
                _ => {
                    return Some(Ok(error(
                        StatusCode::BAD_REQUEST,
                        "missing_required_argument",
                        "The 'virtual_machine' argument is required but was not provided",
                        "{}",
                    )));
                }
            };
            let listings = record(stats, &format!("vm:{vm}"), &arg);
            match vm_entries(&vm, listings) {
                Some(entries) => page(&arg, Value::Array(entries), "disks", 30),
                None if vm == vms::IN_TRASH => error(
                    StatusCode::NOT_ACCEPTABLE,
                    "object_in_trash",
                    "The object found is in the trash and therefore cannot be manipulated through the API. It should be restored in order to run this operation.",
                    r#"{"trash_object":{"id":"trsh_Vm00000000000001","keep_until":1790000000,"object_id":"vm_InTheTrash0000001","object_type":"VirtualMachine"}}"#,
                ),
                None => error(
                    StatusCode::NOT_FOUND,
                    "virtual_machine_not_found",
                    "No virtual machine was found matching any of the criteria provided in the arguments",
                    "{}",
                ),
            }
        }
        _ => return None,
    };
    if latency > 0 {
        tokio::time::sleep(Duration::from_micros(latency)).await;
    }
    Some(Ok(answer))
}

/// The `GET /disks/disk` answer for a disk of a family VM, or None when
/// the id is not one of theirs.
pub async fn disk(id: &str, stats: &Stats) -> Option<Answer> {
    let answer = family_disk(id)?;
    let latency = stats.latency_us.load(Ordering::SeqCst);
    if latency > 0 {
        tokio::time::sleep(Duration::from_micros(latency)).await;
    }
    Some(Ok(match answer {
        Some(body) => respond(StatusCode::OK, &body.to_string()),
        None => error(
            StatusCode::NOT_FOUND,
            "disk_not_found",
            "No disk was found matching any of the criteria provided in the arguments",
            "{}",
        ),
    }))
}

/// Notes one request of a listing (`page`, `per_page` asked for, 0 when
/// not sent) and returns how many of its first pages have been asked for.
fn record(stats: &Stats, name: &str, arg: &dyn Fn(&str) -> Option<String>) -> u64 {
    let page = arg("page").and_then(|p| p.parse().ok()).unwrap_or(1);
    let per_page = arg("per_page").and_then(|p| p.parse().ok()).unwrap_or(0);
    let mut pages = stats.pages.lock().unwrap();
    let seen = pages.entry(name.to_owned()).or_default();
    seen.push((page, per_page));
    seen.iter().filter(|(p, _)| *p == 1).count() as u64
}

/// One page of `items` under `key`, as the API pages: `per_page` as asked
/// (else `default_per_page`), `total_pages: 0` for an empty list.
fn page(
    arg: &dyn Fn(&str) -> Option<String>,
    items: Value,
    key: &str,
    default_per_page: u64,
) -> hyper::Response<http_body_util::Full<hyper::body::Bytes>> {
    let items = items.as_array().cloned().unwrap_or_default();
    let page: u64 = arg("page").and_then(|p| p.parse().ok()).unwrap_or(1).max(1);
    let per_page: u64 = arg("per_page")
        .and_then(|p| p.parse().ok())
        .unwrap_or(default_per_page)
        .clamp(1, 200);
    let total = items.len() as u64;
    let shown: Vec<Value> = items
        .into_iter()
        .skip(((page - 1) * per_page) as usize)
        .take(per_page as usize)
        .collect();
    let body = json!({
        "pagination": {
            "current_page": page,
            "total_pages": total.div_ceil(per_page),
            "total": total,
            "per_page": per_page,
            "large_set": false,
        },
        key: shown,
    });
    respond(StatusCode::OK, &body.to_string())
}

fn organization_not_found() -> hyper::Response<http_body_util::Full<hyper::body::Bytes>> {
    error(
        StatusCode::NOT_FOUND,
        "organization_not_found",
        "No organization was found matching any of the criteria provided in the arguments",
        "{}",
    )
}

type Template = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    u64,
    &'static str,
    &'static str,
);

/// A template as the list gives it: the version's number, no badge.
fn listed_template((id, name, permalink, version, number, os, os_name): Template) -> Value {
    json!({"id": id, "name": name, "description": format!("A clean installation of {name} server"),
        "permalink": permalink, "universal": true,
        "latest_version": {"id": version, "number": number},
        "operating_system": {"id": os, "name": os_name}})
}

/// A template as the single lookup gives it: the version without its
/// number, the operating system with a badge.
fn single_template((id, name, permalink, version, _, os, os_name): Template) -> Value {
    let badge = if os_name == "Ubuntu" {
        json!({"url": BADGE_URL})
    } else {
        Value::Null
    };
    json!({"id": id, "name": name, "description": format!("A clean installation of {name} server"),
        "permalink": permalink, "universal": true,
        "latest_version": {"id": version},
        "operating_system": {"id": os, "name": os_name, "badge": badge}})
}

/// A VM's list entries (in the API's order), or None for no such VM.
/// `listings` is how many times its list has been read from page one.
fn vm_entries(vm: &str, listings: u64) -> Option<Vec<Value>> {
    let entry = |id: &str, boot: bool, attach_on_boot: bool, state: &str| {
        let disk = family_disk(id)
            .flatten()
            .unwrap_or_else(|| json!({"disk": {"id": id}}));
        let d = &disk["disk"];
        json!({"disk": {"id": id, "name": d["name"], "size_in_gb": d["size_in_gb"], "wwn": d["wwn"],
                "state": d["state"], "created_at": d["created_at"]},
            "attach_on_boot": attach_on_boot, "boot": boot, "state": state})
    };
    Some(match vm {
        // The system disk first, as the API lists it; the data disk sorts first by id.
        vms::WEB => vec![
            entry(vms::WEB_SYSTEM_DISK, true, true, "attached"),
            entry(vms::WEB_DATA_DISK, false, true, "attached"),
        ],
        vms::DETACHED_BOOT => vec![entry(vms::DETACHED_BOOT_DISK, true, true, "detached")],
        vms::MANY => (0..vms::MANY_DISKS)
            .rev()
            .map(|n| {
                entry(
                    &format!("disk_VmMany{n:09}"),
                    n == 0,
                    n % 4 != 3,
                    "attached",
                )
            })
            .collect(),
        vms::TEN => (0..10)
            .map(|n| entry(&format!("disk_VmTen{n:010}"), n == 0, true, "attached"))
            .collect(),
        vms::MOVING => {
            let mut entries = vec![entry("disk_VmMoving0000001", true, true, "attached")];
            if listings <= 1 {
                entries.push(entry("disk_VmMovingGone001", false, true, "attached"));
            }
            entries
        }
        vms::ALWAYS_MOVING => vec![
            entry("disk_VmAlwaysMoving1", true, true, "attached"),
            entry(
                &format!("disk_VmAlwaysGone{listings:04}"),
                false,
                true,
                "attached",
            ),
        ],
        _ => return None,
    })
}

/// The `/disks/disk` answer for a family disk id: Some(Some(body)) when it
/// exists, Some(None) for a listed disk that is gone, None when the id is
/// not the family's.
fn family_disk(id: &str) -> Option<Option<Value>> {
    let (vm, name, size, boot, io_profile, bus_type) = match id {
        vms::WEB_DATA_DISK => (
            vms::WEB,
            "tf-acc-test-data-disk",
            20,
            false,
            PROFILE_100K,
            "scsi",
        ),
        vms::WEB_SYSTEM_DISK => (
            vms::WEB,
            "System Disk",
            25,
            true,
            PROFILE_UNRESTRICTED,
            "scsi",
        ),
        vms::DETACHED_BOOT_DISK => (
            vms::DETACHED_BOOT,
            "System Disk",
            10,
            true,
            PROFILE_UNRESTRICTED,
            "virtio",
        ),
        "disk_VmMoving0000001" => (
            vms::MOVING,
            "System",
            30,
            true,
            PROFILE_UNRESTRICTED,
            "scsi",
        ),
        "disk_VmAlwaysMoving1" => (
            vms::ALWAYS_MOVING,
            "System",
            30,
            true,
            PROFILE_UNRESTRICTED,
            "scsi",
        ),
        "disk_VmMovingGone001" => return Some(None),
        _ if id.starts_with("disk_VmAlwaysGone") => return Some(None),
        _ if id.starts_with("disk_VmMany") => (
            vms::MANY,
            "Many",
            40,
            id.ends_with("000000000"),
            PROFILE_100K,
            "scsi",
        ),
        _ if id.starts_with("disk_VmTen") => (
            vms::TEN,
            "Ten",
            40,
            id.ends_with("0000000000"),
            PROFILE_100K,
            "scsi",
        ),
        _ => return None,
    };
    let detached = vm == vms::DETACHED_BOOT;
    let wwn: String = format!(
        "{:016x}",
        id.bytes()
            .fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)))
    );
    Some(Some(json!({
        "annotations": [],
        "disk": {
            "id": id, "name": if name == "Many" || name == "Ten" { format!("{name} {id}") } else { name.to_owned() },
            "size_in_gb": size, "wwn": wwn, "state": "built", "created_at": 1786810364,
            "storage_speed": "nvme",
            "io_profile": serde_json::from_str::<Value>(io_profile).expect("profile"),
            "bus_type": bus_type,
            "data_center": {"id": "loc_UUhPmoCbpic6UX0Y", "name": "London", "permalink": "uk-lon-01"},
            "virtual_machine_disk": {"attach_on_boot": true, "boot": boot,
                "state": if detached { "detached" } else { "attached" },
                "virtual_machine": {"id": vm, "fqdn": format!("{}.terraform-acc-test.katapult.cloud", vm.to_lowercase())}},
            "installation": null,
        }
    })))
}

const PROFILE_100K: &str = r#"{"id":"diop_slvkma43oVxjJcRk","name":"100k","permalink":"100k","speed_in_mb":2000,"iops":100000}"#;
const PROFILE_UNRESTRICTED: &str = r#"{"id":"diop_i39iT7k0RYAdQP48","name":"Unrestricted","permalink":"unrestricted","speed_in_mb":null,"iops":null}"#;
