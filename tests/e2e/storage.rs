//! Address lists, file storage volumes and object storage end to end: the
//! nine data sources in one configuration under every Terraform found,
//! against the fake API's replay of the Go provider's recorded answers
//! (their values equal the answers); every page of the lists the Go
//! provider pages wrongly read once; the annotations filters; the errors at
//! their attributes under the last Terraform. (The examples:
//! `examples.rs`.)

use katapult_testkit::fake_api::{self, SCOPELESS_TOKEN, orgs, storage};
use katapult_testkit::terraform::{OwnApi, REQUIRED_PROVIDERS, Terraform, Workspace, terraforms};
use serde_json::{Value, json};

use crate::harness::{applied, failed_plan};

/// `config` under a provider block naming `organization`.
fn with_org(organization: &str, config: &str) -> String {
    format!(
        "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n  organization = \"{organization}\"\n}}\n{config}"
    )
}

/// The recorded answer `DIR/NAME.json`, parsed.
fn recorded(dir: &str, name: &str) -> Value {
    serde_json::from_str(&fake_api::recorded(dir, name)).unwrap()
}

/// `items` ordered by id: a set's order in the state is Terraform's.
fn by_id(items: &Value) -> Vec<Value> {
    let mut items = items.as_array().unwrap().clone();
    items.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    items
}

/// `object` with `fields` added.
fn with(object: &Value, fields: Value) -> Value {
    let mut object = object.clone();
    for (k, v) in fields.as_object().unwrap() {
        object[k] = v.clone();
    }
    object
}

const ACCOUNT_DIR: &str =
    "organizations/organization/object_storage/object_storage_cluster/uk-lon-1";
const BUCKET_DIR: &str = "object_storage/object_storage_cluster/buckets/bucket/uk-lon-1";

/// A volume as the data sources show it: the answer's fields, but for
/// `atime_update` (left out: the API has never sent it but null, so its
/// type is unknown), every NFS setting the answer leaves out null.
fn volume_state(volume: &Value) -> Value {
    let mut state = with(
        &json!({"technology_generation": null, "nfs_root_squash": null, "nfs_all_squash": null,
            "nfs_anon_uid": null, "nfs_anon_gid": null}),
        volume.clone(),
    );
    state.as_object_mut().unwrap().remove("atime_update");
    state
}

/// A bucket as the data source shows it: the answer, its region, and the
/// access control list's fields copied flat, as the Go provider has them.
fn bucket_state(bucket: &Value) -> Value {
    let mut state = with(bucket, json!({"region": storage::REGION, "timeouts": null}));
    for (k, v) in bucket["access_control_list"].as_object().unwrap() {
        state[k] = v.clone();
    }
    state
}

#[test]
fn the_nine_read_the_recorded_answers() {
    let config = nine();
    for tf in terraforms() {
        let ws = Workspace::new(tf, &config);
        let states = &applied(
            &ws,
            &[
                ("katapult_address_list", "one"),
                ("katapult_address_lists", "all"),
                ("katapult_global_address_lists", "global"),
                ("katapult_address_list_entry", "one"),
                ("katapult_address_list_entries", "all"),
                ("katapult_file_storage_volume", "one"),
                ("katapult_file_storage_volumes", "all"),
                ("katapult_object_storage_account", "main"),
                ("katapult_object_storage_bucket", "one"),
            ],
        );
        check_address_lists(&tf.version, states);
        check_volumes_and_object_storage(&tf.version, states);
    }
}

/// The nine, each reading a recorded answer.
fn nine() -> String {
    with_org(
        "acme",
        &format!(
            "data \"katapult_address_list\" \"one\" {{\n  id = \"{list}\"\n}}\n\
             data \"katapult_address_lists\" \"all\" {{}}\n\
             data \"katapult_global_address_lists\" \"global\" {{}}\n\
             data \"katapult_address_list_entry\" \"one\" {{\n  id = \"{entry}\"\n}}\n\
             data \"katapult_address_list_entries\" \"all\" {{\n  address_list_id = \"{list}\"\n}}\n\
             data \"katapult_file_storage_volume\" \"one\" {{\n  id = \"{volume}\"\n}}\n\
             data \"katapult_file_storage_volumes\" \"all\" {{}}\n\
             data \"katapult_object_storage_account\" \"main\" {{\n  region = \"{region}\"\n}}\n\
             data \"katapult_object_storage_bucket\" \"one\" {{\n  name   = \"{bucket}\"\n  region = data.katapult_object_storage_account.main.region\n}}\n",
            list = storage::LIST_WITH_ENTRIES,
            entry = storage::ENTRY,
            volume = storage::VOLUME,
            region = storage::REGION,
            bucket = storage::KEYED_BUCKET,
        ),
    )
}

/// The address list data sources' states: their recorded answers.
fn check_address_lists(v: &str, states: &[Value; 9]) {
    let list = recorded("address_lists/address_list", storage::LIST_WITH_ENTRIES);
    let entry = recorded("address_list_entries/address_list_entry", storage::ENTRY);
    let entries = recorded(
        "address_lists/address_list/entries",
        storage::LIST_WITH_ENTRIES,
    );
    let lists = recorded("organizations/organization/address_lists", "acme");
    let global = recorded("address_lists", "all");
    assert_eq!(
        states[0],
        with(
            &list["address_list"],
            json!({"annotations": list["annotations"], "timeouts": null})
        ),
        "Terraform {v}"
    );
    // The sets hold what the recorded lists hold, each once.
    assert_eq!(
        by_id(&states[1]["address_lists"]),
        by_id(&lists["address_lists"]),
        "Terraform {v}"
    );
    assert_eq!(states[1]["annotations"], Value::Null);
    assert_eq!(
        by_id(&states[2]["address_lists"]),
        by_id(&global["address_lists"]),
        "Terraform {v}"
    );
    assert_eq!(
        states[3],
        with(&entry["address_list_entry"], json!({"timeouts": null})),
        "Terraform {v}"
    );
    assert_eq!(
        by_id(&states[4]["entries"]),
        by_id(&entries["address_list_entries"]),
        "Terraform {v}"
    );
    assert_eq!(states[4]["address_list_id"], storage::LIST_WITH_ENTRIES);
}

/// The file storage and object storage data sources' states: their
/// recorded answers.
fn check_volumes_and_object_storage(v: &str, states: &[Value; 9]) {
    let volume = recorded("file_storage_volumes/file_storage_volume", storage::VOLUME);
    let volumes = recorded("organizations/organization/file_storage_volumes", "acme");
    let account = recorded(ACCOUNT_DIR, "acme");
    let bucket = recorded(BUCKET_DIR, storage::KEYED_BUCKET);
    assert_eq!(
        states[5],
        with(
            &volume_state(&volume["file_storage_volume"]),
            json!({"annotations": [], "timeouts": null})
        ),
        "Terraform {v}"
    );
    let listed: Vec<Value> = volumes["file_storage_volumes"]
        .as_array()
        .unwrap()
        .iter()
        .map(volume_state)
        .collect();
    assert_eq!(
        states[6]["file_storage_volumes"],
        Value::Array(listed),
        "Terraform {v}: in the API's order"
    );
    assert_eq!(
        states[7],
        with(
            &account["object_storage_account"],
            json!({"timeouts": null})
        ),
        "Terraform {v}"
    );
    assert_eq!(
        states[8],
        bucket_state(&bucket["object_storage_bucket"]),
        "Terraform {v}"
    );
}

/// The (page, per_page) the fake API noted for `list`, and the pages a
/// list of `total` items has at 200 a page, each once, in order.
fn assert_every_page_once(api: &fake_api::FakeApi, list: &str, total: usize) {
    let pages = api.pages(list);
    let want: Vec<(u64, u64)> = (1..=total.div_ceil(200) as u64).map(|p| (p, 200)).collect();
    assert!(want.len() > 1, "a list of several pages");
    assert_eq!(pages, want, "{list}");
}

/// Katapult's Go provider loops `page < total_pages` over an organization's
/// address lists, so it never reads the last page.
#[test]
fn every_page_of_an_organizations_address_lists_is_read_once() {
    let tf = terraforms().last().unwrap();
    let own = OwnApi::start();
    let ws = Workspace::with_api(
        tf,
        &with_org(orgs::BIGCO, "data \"katapult_address_lists\" \"all\" {}\n"),
        &own.api,
    );
    let [all] = &applied(&ws, &[("katapult_address_lists", "all")]);
    let lists = by_id(&all["address_lists"]);
    assert_eq!(lists.len(), storage::BIGCO_ADDRESS_LISTS);
    // The last page's last list is there, whole.
    assert_eq!(
        lists[storage::BIGCO_ADDRESS_LISTS - 1],
        json!({"id": "adlst_Bigco00000000449", "name": "bigco-list-449", "global": false})
    );
    assert_every_page_once(
        &own.api,
        &format!("address_lists:{}", orgs::BIGCO),
        storage::BIGCO_ADDRESS_LISTS,
    );
}

/// The same loop over the global address lists.
#[test]
fn every_page_of_the_global_address_lists_is_read_once() {
    let tf = terraforms().last().unwrap();
    let own = OwnApi::start();
    own.api.set_global_address_lists(401);
    let ws = Workspace::with_api(
        tf,
        &format!("{REQUIRED_PROVIDERS}\ndata \"katapult_global_address_lists\" \"g\" {{}}\n"),
        &own.api,
    );
    let [global] = &applied(&ws, &[("katapult_global_address_lists", "g")]);
    let lists = by_id(&global["address_lists"]);
    assert_eq!(lists.len(), 401);
    // The recorded nine, and the one on the third page.
    assert!(lists.iter().any(|l| l["name"] == "Cloudflare"), "{global}");
    assert!(
        lists.iter().any(|l| l["id"] == "adlst_Global0000000400"),
        "the last page's list"
    );
    assert_every_page_once(&own.api, "global_address_lists:all", 401);
}

/// Katapult's Go provider reads an address list's entries as many times as
/// there are pages, never naming a page: page 1 again and again.
#[test]
fn every_page_of_an_address_lists_entries_is_read_once() {
    let tf = terraforms().last().unwrap();
    let own = OwnApi::start();
    let ws = Workspace::with_api(
        tf,
        &format!(
            "{REQUIRED_PROVIDERS}\ndata \"katapult_address_list_entries\" \"many\" {{\n  address_list_id = \"{}\"\n}}\n",
            storage::MANY_ENTRIES
        ),
        &own.api,
    );
    let [many] = &applied(&ws, &[("katapult_address_list_entries", "many")]);
    let entries = by_id(&many["entries"]);
    assert_eq!(entries.len(), storage::MANY_ENTRIES_COUNT);
    let mut ids: Vec<&str> = entries.iter().map(|e| e["id"].as_str().unwrap()).collect();
    ids.dedup();
    assert_eq!(ids.len(), storage::MANY_ENTRIES_COUNT, "each once");
    assert_eq!(
        entries[storage::MANY_ENTRIES_COUNT - 1]["name"],
        "entry 449 of list 0"
    );
    assert_every_page_once(
        &own.api,
        &format!("entries:{}", storage::MANY_ENTRIES),
        storage::MANY_ENTRIES_COUNT,
    );
}

/// `annotations` narrows an organization's address lists and volumes, as
/// the API's `annotations[]` filter (the fake API applies it); volumes too
/// over several pages.
#[test]
fn annotations_narrow_the_organizations_lists() {
    let tf = terraforms().last().unwrap();
    let own = OwnApi::start();
    let ws = Workspace::with_api(
        tf,
        &with_org(
            orgs::BIGCO,
            "data \"katapult_address_lists\" \"prod\" {\n  annotations = { env = \"prod\" }\n}\n\
             data \"katapult_file_storage_volumes\" \"prod\" {\n  annotations = { env = \"prod\" }\n}\n\
             data \"katapult_file_storage_volumes\" \"all\" {}\n",
        ),
        &own.api,
    );
    let [lists, volumes, all] = &applied(
        &ws,
        &[
            ("katapult_address_lists", "prod"),
            ("katapult_file_storage_volumes", "prod"),
            ("katapult_file_storage_volumes", "all"),
        ],
    );
    // bigco annotates every third object env=prod.
    let numbers = |items: &Value, prefix: &str| -> Vec<u64> {
        by_id(items)
            .iter()
            .map(|i| {
                i["id"]
                    .as_str()
                    .unwrap()
                    .strip_prefix(prefix)
                    .unwrap()
                    .parse()
                    .unwrap()
            })
            .collect()
    };
    let listed = numbers(&lists["address_lists"], "adlst_Bigco");
    assert_eq!(listed.len(), storage::BIGCO_ADDRESS_LISTS / 3);
    assert!(listed.iter().all(|n| n % 3 == 0), "{listed:?}");
    let prod = numbers(&volumes["file_storage_volumes"], "fsv_Bigco");
    assert_eq!(prod.len(), storage::BIGCO_VOLUMES / 3);
    assert!(prod.iter().all(|n| n % 3 == 0), "{prod:?}");
    assert_eq!(
        all["file_storage_volumes"].as_array().unwrap().len(),
        storage::BIGCO_VOLUMES
    );
    assert_eq!(all["file_storage_volumes"][209]["name"], "bigco-volume-209");
    let mut pages = own
        .api
        .pages(&format!("file_storage_volumes:{}", orgs::BIGCO));
    pages.sort();
    assert_eq!(
        pages,
        [(1, 200), (1, 200), (2, 200)],
        "the filtered list on one page, the whole on two"
    );
}

/// The error of the data source `data.TYPE.NAME` in a plan's `text`.
fn error_of<'a>(text: &'a str, address: &str) -> &'a str {
    text.split("Error: ")
        .find(|e| e.contains(&format!("with data.{address},")))
        .unwrap_or_else(|| panic!("no error for data.{address} in: {text}"))
}

#[test]
fn lookups_that_find_nothing_say_so_at_their_attribute() {
    let tf = terraforms().last().unwrap();
    each_not_found_at_its_attribute(tf);
    empty_keys_and_filters_are_refused_before_a_read(tf);
    no_organization_is_said_for_what_is_the_organizations(tf);
}

/// What is not there: said at the block and attribute that named it.
fn each_not_found_at_its_attribute(tf: &Terraform) {
    let text = failed_plan(
        tf,
        &with_org(
            storage::NO_ACCOUNT,
            "data \"katapult_address_list\" \"x\" {\n  id = \"adlst_DeletedList00001\"\n}\n\
             data \"katapult_address_list_entry\" \"x\" {\n  id = \"adlste_Nope\"\n}\n\
             data \"katapult_address_list_entries\" \"x\" {\n  address_list_id = \"adlst_Nope\"\n}\n\
             data \"katapult_file_storage_volume\" \"x\" {\n  id = \"fsv_nopethisgonebye\"\n}\n\
             data \"katapult_object_storage_bucket\" \"x\" {\n  name = \"this-bucket-does-not-exist\"\n  region = \"uk-lon-1\"\n}\n\
             data \"katapult_object_storage_bucket\" \"elsewhere\" {\n  name = \"b\"\n  region = \"uk-lon-9\"\n}\n\
             data \"katapult_object_storage_account\" \"x\" {\n  region = \"uk-lon-1\"\n}\n\
             data \"katapult_object_storage_account\" \"elsewhere\" {\n  region = \"uk-lon-9\"\n}\n",
        ),
    );
    for (address, summary, says, at) in [
        (
            "katapult_address_list.x",
            "Address list not found",
            "no address list with ID \"adlst_DeletedList00001\"",
            "id = \"adlst_DeletedList00001\"",
        ),
        (
            "katapult_address_list_entry.x",
            "Address list entry not found",
            "no address list entry with ID \"adlste_Nope\"",
            "id = \"adlste_Nope\"",
        ),
        (
            "katapult_address_list_entries.x",
            "Address list not found",
            "no address list with ID \"adlst_Nope\"",
            "address_list_id = \"adlst_Nope\"",
        ),
        (
            "katapult_file_storage_volume.x",
            "File storage volume not found",
            "no file storage volume with ID \"fsv_nopethisgonebye\"",
            "id = \"fsv_nopethisgonebye\"",
        ),
        (
            "katapult_object_storage_bucket.x",
            "Object storage bucket not found",
            "no object storage bucket named \"this-bucket-does-not-exist\" in the region \"uk-lon-1\"",
            "name = \"this-bucket-does-not-exist\"",
        ),
        (
            "katapult_object_storage_bucket.elsewhere",
            "Object storage cluster not found",
            "no object storage cluster with region \"uk-lon-9\"",
            "region = \"uk-lon-9\"",
        ),
        (
            "katapult_object_storage_account.x",
            "Object storage account not found",
            "The organization \"empty\" has no object storage account in the region \"uk-lon-1\"",
            "region = \"uk-lon-1\"",
        ),
        (
            "katapult_object_storage_account.elsewhere",
            "Object storage cluster not found",
            "no object storage cluster with region \"uk-lon-9\"",
            "region = \"uk-lon-9\"",
        ),
    ] {
        let error = error_of(&text, address);
        assert!(error.starts_with(summary), "{address}: {error}");
        assert!(error.contains(says), "{address}: {error}");
        assert!(error.contains(at), "{address}, at the attribute: {error}");
    }
}

/// Empty keys and filters: refused before anything is read.
fn empty_keys_and_filters_are_refused_before_a_read(tf: &Terraform) {
    let text = failed_plan(
        tf,
        &format!(
            "{REQUIRED_PROVIDERS}\n\
             data \"katapult_address_list\" \"x\" {{\n  id = \"\"\n}}\n\
             data \"katapult_object_storage_bucket\" \"x\" {{\n  name = \" \"\n  region = \"uk-lon-1\"\n}}\n\
             data \"katapult_object_storage_account\" \"x\" {{\n  region = \"\"\n}}\n\
             data \"katapult_file_storage_volumes\" \"x\" {{\n  annotations = {{ \"\" = \"x\" }}\n}}\n"
        ),
    );
    for (address, summary, at) in [
        (
            "katapult_address_list.x",
            "Empty address list ID",
            "id = \"\"",
        ),
        (
            "katapult_object_storage_bucket.x",
            "Empty name",
            "name = \" \"",
        ),
        (
            "katapult_object_storage_account.x",
            "Empty object storage account region",
            "region = \"\"",
        ),
        (
            "katapult_file_storage_volumes.x",
            "Empty annotation key",
            "annotations = {",
        ),
    ] {
        let error = error_of(&text, address);
        assert!(error.starts_with(summary), "{address}: {error}");
        assert!(error.contains(at), "{address}, at the attribute: {error}");
    }
}

/// No organization for what is the organization's.
fn no_organization_is_said_for_what_is_the_organizations(tf: &Terraform) {
    let text = failed_plan(
        tf,
        &format!(
            "{REQUIRED_PROVIDERS}\n\
             data \"katapult_address_lists\" \"x\" {{}}\n\
             data \"katapult_file_storage_volumes\" \"x\" {{}}\n\
             data \"katapult_object_storage_account\" \"x\" {{\n  region = \"uk-lon-1\"\n}}\n"
        ),
    );
    for (address, summary) in [
        (
            "katapult_address_lists.x",
            "No organization to list address lists of",
        ),
        (
            "katapult_file_storage_volumes.x",
            "No organization to list file storage volumes of",
        ),
        (
            "katapult_object_storage_account.x",
            "No organization to list object storage accounts of",
        ),
    ] {
        let error = error_of(&text, address);
        assert!(error.starts_with(summary), "{address}: {error}");
    }
}

/// Each endpoint's 403 `scope_not_granted` names the scopes it needs, in
/// the data source's words: one plan, every data source refused.
#[test]
fn missing_scopes_are_named_for_each_endpoint() {
    let tf = terraforms().last().unwrap();
    let config = with_org(
        orgs::SCOPE_MISSING,
        &format!(
            "data \"katapult_address_list\" \"s\" {{\n  id = \"{list}\"\n}}\n\
             data \"katapult_address_lists\" \"s\" {{}}\n\
             data \"katapult_global_address_lists\" \"s\" {{}}\n\
             data \"katapult_address_list_entry\" \"s\" {{\n  id = \"{entry}\"\n}}\n\
             data \"katapult_address_list_entries\" \"s\" {{\n  address_list_id = \"{list}\"\n}}\n\
             data \"katapult_file_storage_volume\" \"s\" {{\n  id = \"{volume}\"\n}}\n\
             data \"katapult_file_storage_volumes\" \"s\" {{}}\n\
             data \"katapult_object_storage_account\" \"s\" {{\n  region = \"uk-lon-1\"\n}}\n\
             data \"katapult_object_storage_bucket\" \"s\" {{\n  name = \"{bucket}\"\n  region = \"uk-lon-1\"\n}}\n",
            list = storage::SCOPE_MISSING_LIST,
            entry = storage::SCOPE_MISSING_ENTRY,
            volume = storage::SCOPE_MISSING_VOLUME,
            bucket = storage::SCOPE_MISSING_BUCKET,
        ),
    );
    let plan = Workspace::new(tf, &config)
        .env("KATAPULT_API_KEY", Some(SCOPELESS_TOKEN))
        .run(&["plan", "-no-color"]);
    let text = plan.text();
    assert!(!plan.success, "{text}");
    let lists = "one of: \"address_lists\", \"address_lists:read\"";
    let volumes = "one of: \"file_storage_volumes\", \"file_storage_volumes:read\"";
    let objects = "Grant \"object_storage:read\"";
    for (address, what, grant) in [
        ("katapult_address_list.s", "address lists", lists),
        ("katapult_address_lists.s", "address lists", lists),
        (
            "katapult_global_address_lists.s",
            "global address lists",
            lists,
        ),
        (
            "katapult_address_list_entry.s",
            "address list entries",
            lists,
        ),
        (
            "katapult_address_list_entries.s",
            "address list entries",
            lists,
        ),
        (
            "katapult_file_storage_volume.s",
            "file storage volumes",
            volumes,
        ),
        (
            "katapult_file_storage_volumes.s",
            "file storage volumes",
            volumes,
        ),
        (
            "katapult_object_storage_account.s",
            "object storage accounts",
            objects,
        ),
        (
            "katapult_object_storage_bucket.s",
            "object storage buckets",
            objects,
        ),
    ] {
        let error = error_of(&text, address);
        assert!(
            error.starts_with(&format!("API key lacks the scope to read {what}")),
            "{address}: {error}"
        );
        assert!(error.contains(grant), "{address}: {error}");
    }
    assert!(!text.contains(SCOPELESS_TOKEN), "the key is never shown");
}
