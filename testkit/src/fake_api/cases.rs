//! The names of the cases the fake API serves, for the tests to use:
//! recorded objects, generated ones and hostile answers, by id or by
//! organization, and the secrets, waits and tokens they involve. Every
//! other file of the fake API reads its cases here; `fake_api` re-exports
//! them all.

use std::time::Duration;

/// The disk the live API returned (installation null, io speeds null).
pub const REAL_DISK_ID: &str = "disk_I4Bu3elhTjuAg16W";
/// A disk with every field populated, including a protected attribute.
pub const FULL_DISK_ID: &str = "disk_Full0000Populated";
/// A disk whose enums hold values newer than this provider knows.
pub const NEW_ENUM_DISK_ID: &str = "disk_NewEnum000000001";
/// The id in the example of Katapult's Go provider's `katapult_disk` docs:
/// served as the full (attached) disk under that id.
pub const GO_EXAMPLE_DISK_ID: &str = "disk_2YvW3Z8kQm5nL7pR";
/// The secret in the full disk's protected installation attribute.
pub const PROTECTED_VALUE: &str = "s3cr3t-R00t-Pa55";
/// A token the fake API refuses as invalid.
pub const INVALID_TOKEN: &str = "invalid-token";
/// A token without scopes: a route that takes no lookup value (the global
/// address lists) answers with its `scope-missing` answer, a 403
/// `scope_not_granted`, instead of its `all` one.
pub const SCOPELESS_TOKEN: &str = "kp_test_no_scopes";

/// Error cases, by the disk id that triggers them.
pub mod ids {
    pub const NOT_FOUND: &str = "disk_DoesNotExist0001";
    pub const NOT_FOUND_BARE: &str = "disk_BareEnvelope0001";
    pub const IN_TRASH: &str = "disk_InTheTrash000001";
    pub const RATE_LIMITED: &str = "disk_RateLimited00001";
    pub const UNAVAILABLE: &str = "disk_Unavailable00001";
    pub const NETWORK_BLOCKED: &str = "disk_NetworkBlocked01";
    pub const SCOPE_MISSING: &str = "disk_ScopeMissing0001";
    pub const CAPABILITIES: &str = "disk_Capabilities0001";
    pub const PROXY_HTML: &str = "disk_ProxyHtml0000001";
    pub const NOT_JSON: &str = "disk_NotJson000000001";
    pub const WRONG_TYPES: &str = "disk_WrongTypes000001";
    pub const STALLED: &str = "disk_Stalled000000001";
    pub const TRUNCATED: &str = "disk_Truncated0000001";
    pub const EMPTY_OK: &str = "disk_EmptyBody0000001";
    pub const HUGE: &str = "disk_HugeBody00000001";
    pub const MISSING_FIELDS: &str = "disk_MissingFields01";
    /// Redirects to a second server, on another port, that serves the real disk.
    pub const REDIRECT: &str = "disk_Redirected000001";
    /// A 403 whose description clears the screen and runs to 4 MiB.
    pub const ESCAPES: &str = "disk_TerminalEscapes1";
    /// The network refusal, its IP address carrying a terminal escape.
    pub const ESCAPED_IP: &str = "disk_EscapedIpAddress";
    /// The real disk with numbers no u64 or f64 holds exactly: size
    /// 18446744073709551616 GB, an IO profile of 1e-400 MB/s and 0.1 IOPS.
    pub const EXACT_NUMBERS: &str = "disk_ExactNumbers0001";
    /// The real disk with a field this provider does not know, nested 1,000
    /// levels deep (past serde_json's default limit of 128).
    pub const DEEP_UNKNOWN: &str = "disk_DeepUnknownField";
    /// About 8 MB: an installation whose `attributes` are `{}` 2.7 million
    /// times, under the body cap (the round-2 review's memory repro).
    pub const HUGE_ATTRIBUTES: &str = "disk_HugeAttributes01";
    /// The same in the top-level `annotations`.
    pub const HUGE_ANNOTATIONS: &str = "disk_HugeAnnotations1";
    /// A 404 `disk_not_found` whose `detail` holds 2^64.
    pub const BIG_DETAIL: &str = "disk_BigNumberDetail1";
    /// In the trash, `keep_until` 2^64.
    pub const TRASH_FOREVER: &str = "disk_TrashForever0001";
    /// The real disk, `size_in_gb` 1e999999999 (infinity to Terraform).
    pub const INFINITE_SIZE: &str = "disk_InfiniteSize0001";
    /// The full disk, its root password's `protect` flag left out and its
    /// hostname's `protect` null.
    pub const UNFLAGGED_SECRET: &str = "disk_UnflaggedSecret1";
    /// The largest installation the provider reads: 10,000 attributes,
    /// every field set (about 1.3 MB).
    pub const MOST_ATTRIBUTES: &str = "disk_MostAttributes01";
}

/// The value of `ids::UNFLAGGED_SECRET`'s unflagged root password.
pub const UNFLAGGED_VALUE: &str = "unflagged-Pa55w0rd";

/// Generated disks, `PREFIX{n}`: each a copy of the real disk with its own
/// id and the name `disk-{n}`.
pub mod generated {
    /// Answered at once.
    pub const PLAIN: &str = "disk_Many";
    /// 30% of requests fail with 429 or 503 (never more than 3 in a row per disk).
    pub const FLAKY: &str = "disk_Flaky";
    /// Each answer takes `SLOW` to come, so reads overlap.
    pub const SLOW: &str = "disk_Slow";
    /// The first request is refused with a 429 and `Retry-After: 1`.
    pub const RETRY_AFTER: &str = "disk_RetryAfter";
    /// The first request's connection is dropped without an answer.
    pub const DROPPED: &str = "disk_Dropped";
    /// Answered with `X-Ratelimit-Remaining: 400` of 1000: under half the
    /// budget, where a client should start spreading its requests out.
    pub const LOW_BUDGET: &str = "disk_LowBudget";
    /// Answered with `X-Ratelimit-Remaining: 30` of 1000 for `RECOVERY`
    /// after the first such request, then with 999: a budget that was low
    /// for a moment.
    pub const RECOVERING: &str = "disk_Recovering";
    /// The first request is refused with a 429 whose `Retry-After` is the
    /// largest u64: a wait no Instant can hold.
    pub const HUGE_RETRY_AFTER: &str = "disk_HugeRetryAfter";
}

/// How long the `generated::RECOVERING` disks report a low budget.
pub const RECOVERY: Duration = Duration::from_secs(3);

/// Organizations whose disks `GET /organizations/organization/disks` lists,
/// by sub-domain; any other is not found.
pub mod organizations {
    /// 450 disks, `disk_Acme0000` to `disk_Acme0449`, listed newest first
    /// (ids descending) over three pages of 200; every third attached, to
    /// a machine of its own, `vm_{n:04}` (`vm-{n}.example.katapult.cloud`);
    /// every fifth annotated `role=database`, every tenth `backup=nightly`
    /// too (as its own read shows them; the list, like the API's, holds no
    /// annotations but takes them as a filter).
    /// The sample organization: its disks read back as listed through
    /// `GET /disks/disk` (the real disk's shape, the listed fields), its
    /// machines' disk lists hold them, and `orgs::ACME` is its profiles and
    /// templates (tests/e2e/sample_organization.rs walks it all).
    pub const ACME: &str = "acme";
    pub const ACME_DISKS: usize = 450;
    /// No disks at all.
    pub const EMPTY: &str = "empty";
    /// A disk is created between every two pages: the list never holds still.
    pub const CHURNING: &str = "churning";
    /// A disk is created during the first listing only (between its pages
    /// one and two), then the list holds still at 400 disks.
    pub const SETTLING: &str = "settling";
    /// 450 disks listed as a large set, as Katapult lists what it cannot
    /// count: `large_set: true`, `total` and `total_pages` null.
    pub const LARGE_SET: &str = "large-set";
    /// Its virtual machines: the 150 its disks are attached to (`vm_0000`,
    /// `vm_0003`, ...) and `vms::WEB`, oldest first (`vms::WEB` first),
    /// each reading back as listed through `GET /virtual_machines/virtual_machine`
    /// (the recorded machine's shape), with one network interface on the
    /// public network (`vms::WEB` a second, on a virtual network). Every
    /// sixth disk's machine is annotated `role=web`, every ninth's
    /// `env=production`, `vms::WEB` both. (`SETTLING` and `CHURNING` list
    /// machines too, which change while read as their disks do; `EMPTY`
    /// none.)
    pub const ACME_MACHINES: usize = 151;
    /// 2,500 virtual machines, listed newest first: thirteen pages of 200.
    pub const FLEET: &str = "fleet";
    pub const FLEET_MACHINES: usize = 2_500;
}

/// How long a `generated::SLOW` disk takes.
pub const SLOW: Duration = Duration::from_millis(400);

/// How long the stalled case waits before answering.
pub const STALL: Duration = Duration::from_secs(30);

/// Organizations with profiles and templates: the recorded ones, and one
/// whose templates span several pages.
pub mod orgs {
    /// The recorded profiles and the 12 recorded universal templates; no
    /// templates of its own (the recorded empty list, `total_pages: 0`).
    pub const ACME: &str = "acme";
    /// 65 templates of its own, over three pages of 30.
    pub const BIGCO: &str = "bigco";
    pub const BIGCO_TEMPLATES: usize = 65;
    /// Its IO-profile listing answers 403 `scope_not_granted` with
    /// `detail.scopes` empty: the API reference names no scope for that
    /// endpoint (any key may list profiles), though it lists the error.
    pub const SCOPE_MISSING: &str = "scope-missing";
    /// How many IP addresses, network speed profiles and virtual networks
    /// `BIGCO` has of each (generated: `ip_Bigco{n:011}`,
    /// `nsp_Bigco{n:011}` with the permalink `bigco-{n}`,
    /// `vnet_Bigco{n:011}`, for n from 0): two pages of 200, seven of the
    /// API's default 30.
    pub const BIGCO_NETWORK_ITEMS: usize = 205;
}

/// The network family's recorded and made-up objects (`answers/README.md`).
pub mod networks {
    /// The London network (DataSourceNetwork_by_id), London's default.
    pub const LONDON: &str = "netw_gVRkZdSKczfNg34P";
    /// The Amsterdam network (DataSourceNetwork_other_by_id); its default
    /// network answer is the older recording, without `default`.
    pub const AMSTERDAM: &str = "netw_gnlxBcgtF7xyMslK";
    /// Phoenix's data center, whose default network the Go provider's docs
    /// example reads (made up from the recorded available networks).
    pub const PHOENIX_DATA_CENTER: &str = "dc_U3UVcwL8GKXJdsgw";
    /// An IP address of DataSourceIP_by_id, with its subnet.
    pub const IP: &str = "ip_fCfQUW9TVj9mjpDu";
    /// An IP address of VirtualMachine_basic, allocated to a machine.
    pub const ALLOCATED_IP: &str = "ip_PpIei9oNrYhpfQmZ";
    /// Answers the recorded 404 of DataSourceIP_by_id (its address deleted).
    pub const DELETED_IP: &str = "ip_Deleted000000001";
    /// A virtual network of DataSourceVirtualNetwork_by_id.
    pub const VIRTUAL_NETWORK: &str = "vnet_Pm2Tokrw4bwUlKHV";
    /// A virtual network whose data center's name is a number.
    pub const WRONG_TYPES_VIRTUAL_NETWORK: &str = "vnet_WrongTypes000001";
    /// Answer 403 `scope_not_granted` with the endpoint's scopes (the API
    /// reference names none for the network endpoints: `[]` there); so do
    /// the lists of `orgs::SCOPE_MISSING`.
    pub const SCOPE_MISSING_IP: &str = "ip_ScopeMissing0001";
    pub const SCOPE_MISSING_NETWORK: &str = "netw_ScopeMissing0001";
    pub const SCOPE_MISSING_DATA_CENTER: &str = "dc_ScopeMissing0001";
    pub const SCOPE_MISSING_VIRTUAL_NETWORK: &str = "vnet_ScopeMissing0001";
}

/// Data centers, by id: the recorded ones (`answers/data_centers/`), which
/// `GET /data_centers` lists in this order.
pub mod data_centers {
    /// London, `uk-lon-01`, United Kingdom (DataSourceDataCenter_*).
    pub const LONDON: &str = "loc_UUhPmoCbpic6UX0Y";
    /// Amsterdam, `nl-ams-01`, Netherlands
    /// (DataSourceNetwork_default_other_data_center).
    pub const AMSTERDAM: &str = "dc_Wm37yAq0BHhKXsPa";
}

/// Countries, by id (`answers/countries/`): written from the API
/// reference with the countries the recorded data centers nest.
pub mod countries {
    /// The United Kingdom (`GB`), with four states.
    pub const UNITED_KINGDOM: &str = "ctry_6AO9tYYugvTGnd5b";
    /// The Netherlands (`NL`), in the EU, with no states.
    pub const NETHERLANDS: &str = "ctry_IHe4noltuwtTYrSJ";
    /// A 403 `scope_not_granted` naming no scope (the reference names none).
    pub const SCOPE_MISSING: &str = "ctry_ScopeMissing0001";
}

/// Zones (`answers/zones/`): London's as the recorded machines nest it,
/// Amsterdam's written from the API reference.
pub mod zones {
    /// `LON-1`, `lon-zone-1`, in London (recorded).
    pub const LONDON: &str = "zone_7Uuz6wzE17ZShh8f";
    /// `AMS-1`, no permalink, in Amsterdam (written).
    pub const AMSTERDAM: &str = "zone_AmsZone000000001";
    /// A 403 `scope_not_granted` naming no scope (the reference names none).
    pub const SCOPE_MISSING: &str = "zone_ScopeMissing00001";
}

/// GPU types (`answers/gpu_types/`, and by data center under
/// `answers/data_centers/data_center/gpu_types/`): written from the API
/// reference, no recording having one.
pub mod gpu_types {
    /// NVIDIA L40S, `nvidia-l40s`: in London and Amsterdam.
    pub const L40S: &str = "gput_NvidiaL40S00001";
    /// NVIDIA A100, `nvidia-a100`: in London only.
    pub const A100: &str = "gput_NvidiaA10000001";
    /// A 403 `scope_not_granted` naming no scope, for the GPU type and (as
    /// a data center's ID) for a data center's GPU types.
    pub const SCOPE_MISSING: &str = "gput_ScopeMissing0001";
    pub const SCOPE_MISSING_DATA_CENTER: &str = "dc_ScopeMissing0001";
}

/// Operating systems (`answers/operating_systems/`): as the recorded and
/// written disk templates nest them.
pub mod operating_systems {
    /// Ubuntu, with its badge (recorded in DataSourceDiskTemplate_by_id).
    pub const UBUNTU: &str = "os_DH6P34tVwUGYlcEN";
    /// Debian, no badge (as the written templates nest it).
    pub const DEBIAN: &str = "os_Debian0000000001";
    /// A 403 `scope_not_granted` naming no scope.
    pub const SCOPE_MISSING: &str = "os_ScopeMissing000001";
}

/// The reference lists generated past one page (`families/reference.rs`).
pub mod reference {
    /// The name of the GPU type, operating system and currency lists of
    /// `MANY_ITEMS` items (`FakeApi::answer_list_as`).
    pub const MANY: &str = "many";
    /// The data center whose GPU types are `MANY_ITEMS` generated ones.
    pub const MANY_DATA_CENTER: &str = "dc_ManyGpuTypes00001";
    /// 250: two pages of 200.
    pub const MANY_ITEMS: usize = 250;
}

/// Currencies (`answers/currencies/`): written from the API reference.
pub mod currencies {
    pub const POUND: &str = "cur_PoundSterling0001";
}

/// Load balancers and their rules, by id (the recorded ones are in
/// `answers/load_balancers/`), and the organizations that list them.
pub mod lbs {
    /// DataSourceLoadBalancer_minimal's load balancer, annotations beside
    /// it, and its one rule `RECORDED_RULE`.
    pub const RECORDED: &str = "lb_kYSLozFlng5sWKo4";
    pub const RECORDED_RULE: &str = "lbrule_c7MjpVj9VorAkefn";
    /// Written: every field set. A tag's load balancer (the tag
    /// `tag_NqAjIfOyzSMyuFPS`, `web`, as `acme`'s tags list it), its API
    /// reference `FULL_REFERENCE`, weights, a standby machine, annotations
    /// `role = web` and `env = production`, and a real-looking private key
    /// (PEM) for its backend certificate: for the ephemeral resource, and
    /// never for a data source. Its rules: `FULL_RULE` (HTTPS, a
    /// certificate) and `TCP_RULE` (its check protocol and statuses null).
    pub const FULL: &str = "lb_Full000Populated";
    pub const FULL_REFERENCE: &str = "web-frontend";
    pub const FULL_RULE: &str = "lbrule_Full000Populated";
    pub const TCP_RULE: &str = "lbrule_FullTcpNullCheck";
    /// Nothing but its id (a load balancer, and a rule).
    pub const MISSING_FIELDS: &str = "lb_MissingFields001";
    pub const MISSING_FIELDS_RULE: &str = "lbrule_MissingFields001";
    /// `https_redirect` is the string "yes".
    pub const WRONG_TYPES: &str = "lb_WrongTypes000001";
    /// 403 `scope_not_granted`, `detail.scopes` `["load_balancers",
    /// "load_balancers:read"]`: the load balancer, its rule list, and the
    /// rule `SCOPE_MISSING_RULE`.
    pub const SCOPE_MISSING: &str = "lb_ScopeMissing0001";
    pub const SCOPE_MISSING_RULE: &str = "lbrule_ScopeMissing0001";
    /// Generated load balancers, `GENERATED{n:013}`: copies of `RECORDED`
    /// with their own id, name (`lb-{n}`) and address; no rules.
    pub const GENERATED: &str = "lb_Gen";
    /// Listed by `orgs::MOVING` once, and deleted before its read.
    pub const GONE: &str = "lb_GoneAway00000001";
    /// A load balancer whose rule list holds `MANY_RULES_COUNT` generated
    /// rules, `GENERATED_RULE{n:012}`, over two pages of 200.
    pub const MANY_RULES: &str = "lb_ManyRules0000001";
    pub const MANY_RULES_COUNT: usize = 205;
    pub const GENERATED_RULE: &str = "lbrule_Many";

    /// Organizations whose load balancers
    /// `GET /organizations/organization/load_balancers` lists.
    pub mod orgs {
        /// DataSourceLoadBalancers_minimal's two, then `lbs::FULL`.
        pub const ACME: &str = "acme";
        /// DataSourceLoadBalancers_basic's two, and _rules' two.
        pub const ACC_BASIC: &str = "acc-basic";
        pub const ACC_RULES: &str = "acc-rules";
        /// The recorded empty list (`total_pages: 0`).
        pub const EMPTY: &str = "empty";
        /// Generated load balancers, for the benchmark and the test that
        /// their reads overlap.
        pub const TWENTY: &str = "twenty";
        pub const TWENTY_COUNT: usize = 20;
        /// Generated load balancers over two pages of 200: Katapult's Go
        /// provider never reads the second.
        pub const TWO_PAGES: &str = "two-pages";
        pub const TWO_PAGES_COUNT: usize = 205;
        /// Its first listing names `lbs::GONE`, deleted before its read;
        /// from the second on, the list holds `lbs::RECORDED` alone.
        pub const MOVING: &str = "lb-moving";
        /// Every listing names another load balancer gone by its read.
        pub const ALWAYS_MOVING: &str = "lb-always-moving";
        /// Its list answers 403 `scope_not_granted`.
        pub const SCOPE_MISSING: &str = "scope-missing";
    }
}

/// Disk templates, by id (the recorded ones are in `answers/`).
pub mod templates {
    /// Answers 403 `scope_not_granted`, `detail.scopes`
    /// `["disk_templates", "disk_templates:read"]`.
    pub const SCOPE_MISSING: &str = "dtpl_ScopeMissing0001";
    /// Ubuntu 20.04 (recorded), and its latest version (recorded as such in
    /// `acme`'s template list; its answer written from the API reference).
    pub const UBUNTU_2004: &str = "dtpl_GS03NCmS1Z17rXHq";
    pub const UBUNTU_2004_LATEST: &str = "dtv_Ha4LXNfpQddNlUcT";
    /// A version whose answer is 403 `scope_not_granted`.
    pub const SCOPE_MISSING_VERSION: &str = "dtv_ScopeMissing00001";
    /// A template whose versions are generated: `VERSIONS` of them, over
    /// several pages.
    pub const MANY_VERSIONS: &str = "dtpl_ManyVersions001";
    pub const VERSIONS: usize = 450;
}

/// Address lists, file storage volumes and object storage: the recorded
/// ones (`answers/`), and `orgs::BIGCO`'s generated lists.
pub mod storage {
    /// DataSourceAddressList_minimal: no entries.
    pub const ADDRESS_LIST: &str = "adlst_GVdbAIFaIglppuxg";
    /// DataSourceAddressListEntries_minimal: two entries, which
    /// `GET /address_lists/address_list/entries` lists as recorded.
    pub const LIST_WITH_ENTRIES: &str = "adlst_CyG9WoN6qklT89yj";
    /// DataSourceAddressListEntry_minimal: its one entry.
    pub const ENTRY: &str = "adlste_LOxazovCwtWgrdiQ";
    /// DataSourceFileStorageVolume_associations: one machine may mount it.
    pub const VOLUME: &str = "fsv_rXfunTdscpF1BvxL";
    /// The region every recorded object storage answer is in.
    pub const REGION: &str = "uk-lon-1";
    /// DataSource_Bucket_minimal, configured.
    pub const BUCKET: &str = "tf-acc-test-data-source-bucket-minimal-djcnyybow6ey";
    /// Bucket_static_site: served as a static site.
    pub const STATIC_SITE_BUCKET: &str = "tf-acc-test-static-site-duypazh8xfgz";
    /// AccessKey_buckets: one key may read and write it.
    pub const KEYED_BUCKET: &str = "tf-acc-test-buckets-oh0kwdanbhtl-bkt";
    /// `orgs::BIGCO`'s address lists, `adlst_Bigco{n:011}`, over three
    /// pages of 200; every third carries the annotation `env=prod`, the
    /// others `env=dev`.
    pub const BIGCO_ADDRESS_LISTS: usize = 450;
    /// The first of them: 450 entries, over three pages of 200 (the others
    /// have two).
    pub const MANY_ENTRIES: &str = "adlst_Bigco00000000000";
    pub const MANY_ENTRIES_COUNT: usize = 450;
    /// `orgs::BIGCO`'s file storage volumes, `fsv_Bigco{n:011}`, over two
    /// pages of 200; annotated as its address lists are.
    pub const BIGCO_VOLUMES: usize = 210;
    /// The sub-domain of an organization without an object storage account
    /// (the recorded 404 of ObjectStorageAccount_adopt_existing).
    pub const NO_ACCOUNT: &str = "empty";
    /// Scope refusals (403 `scope_not_granted`), by the value looked up:
    /// an address list (its entries too), an entry, a volume, a bucket;
    /// an organization's lists and account are refused for
    /// `orgs::SCOPE_MISSING`, the global lists for `SCOPELESS_TOKEN`.
    pub const SCOPE_MISSING_LIST: &str = "adlst_ScopeMissing0001";
    pub const SCOPE_MISSING_ENTRY: &str = "adlste_ScopeMissing001";
    pub const SCOPE_MISSING_VOLUME: &str = "fsv_ScopeMissing00001";
    pub const SCOPE_MISSING_BUCKET: &str = "scope-missing-bucket";
}

/// Virtual machines, by id.
pub mod vms {
    /// Two disks: a data disk and the system (boot) disk, as in the Go
    /// provider's DataSourceVirtualMachineDisks_basic recording; found by
    /// its FQDN too (each machine is, by the FQDN its disks report).
    pub const WEB: &str = "vm_WebServer00000001";
    pub const WEB_FQDN: &str = "web-1.acme.katapult.cloud";
    pub const WEB_DATA_DISK: &str = "disk_gdsdytx0oVyB6nUP";
    pub const WEB_SYSTEM_DISK: &str = "disk_pXSKrHIqT7L67qcR";
    /// The machine the full disk (`FULL_DISK_ID`) is attached to: that
    /// disk, its boot disk, is its only one.
    pub const FULL_DISK_VM: &str = "vm_Web0000000000001";
    pub const FULL_DISK_VM_FQDN: &str = "web-01.example.katapult.cloud";
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
    /// Its disk listing answers 403 `scope_not_granted`, `detail.scopes`
    /// `["disks", "disks:read"]`; its own read and its interface listing
    /// `["virtual_machines", "virtual_machines:read"]`.
    pub const SCOPE_MISSING: &str = "vm_ScopeMissing00001";

    /// The recorded machines, each with its interface list and interface
    /// (`answers/virtual_machines/virtual_machine/`): DataSourceVirtualMachine_by_id's,
    /// _by_fqdn's (found by `RECORDED_FQDN`) and DataSourceVirtualMachines_all's
    /// two (the list of the organization `RECORDED_ORGANIZATION`).
    pub const RECORDED_BY_ID: &str = "vm_1MoFv1ecLEy8LLMI";
    pub const RECORDED_BY_FQDN: &str = "vm_O25OVU5jM6Fkomvw";
    pub const RECORDED_FQDN: &str =
        "tf-acc-test-data-source-by-fqdn-7hko0cyf0ufh-host.terraform-acc-test.katapult.cloud";
    pub const RECORDED_FIRST: &str = "vm_qad98D0fW008fEB7";
    pub const RECORDED_SECOND: &str = "vm_1dMSTbXd5u9S8Tzc";
    pub const RECORDED_ORGANIZATION: &str = "terraform-acc-test";
    /// Recorded (VirtualMachine_basic): two addresses on its one interface.
    pub const TWO_ADDRESSES: &str = "vm_EKQvoKqqunx84ruK";
    /// Recorded (VirtualMachine_power_state): stopped, its interface
    /// `detached`.
    pub const STOPPED: &str = "vm_1uKvyifZRMv6RieV";
    /// The machine of the Go provider's docs example for
    /// `katapult_virtual_machine`, by its ID and by its FQDN.
    pub const GO_EXAMPLE: &str = "vm_Ek42KaL1OrE7tkav";
    pub const GO_EXAMPLE_FQDN: &str = "web-1.acme-labs.katapult.cloud";
    /// `WEB`'s initial root password (every generated machine has one).
    pub const ROOT_PASSWORD: &str = "pK7#vR2q!mW9zL4x";
    /// 250 network interfaces: two pages of 200. The first on the public
    /// network; the others on virtual networks, every other one detached.
    pub const MANY_INTERFACES: &str = "vm_ManyInterfaces001";
    pub const MANY_INTERFACES_COUNT: usize = 250;
    /// Its first interface listing names an interface removed before it is
    /// read (404); from the second on, the interface is gone from the list.
    pub const MOVING_INTERFACES: &str = "vm_MovingInterface01";
    /// Every interface listing names an interface gone by its read.
    pub const ALWAYS_MOVING_INTERFACES: &str = "vm_AlwaysMovingNic01";
    /// Reads, but its one interface's read answers 403 `scope_not_granted`.
    pub const INTERFACE_SCOPE_MISSING: &str = "vm_NicScopeMissing01";
    /// Every field null but its id (its annotations too), and its
    /// interface's.
    pub const EVERY_FIELD_NULL: &str = "vm_EveryFieldNull001";
    /// Nothing but its id.
    pub const MISSING_FIELDS: &str = "vm_MissingFields0001";
    /// `memory_in_gb` a string.
    pub const WRONG_TYPES: &str = "vm_WrongTypes0000001";
    /// `zone.data_center.country.eu` a string.
    pub const WRONG_NESTED_TYPE: &str = "vm_WrongNestedType01";
    /// Its interface's `mac_address` a number.
    pub const INTERFACE_WRONG_TYPES: &str = "vm_NicWrongTypes0001";
}

/// Virtual machine groups, by id (`answers/virtual_machine_groups/`), and
/// the organizations whose group lists are recorded or written
/// (`answers/organizations/organization/virtual_machine_groups/`).
pub mod groups {
    /// DataSourceVMGroup_basic (v6): segregated, `auto_segregate` false.
    pub const BASIC: &str = "vmgrp_Hqwd4Hs7eKaU0nDJ";
    pub const BASIC_NAME: &str = "tf-acc-test-data-source-basic-JizjPcGRXwho";
    /// DataSourceVMGroup_not_segregated (v6).
    pub const NOT_SEGREGATED: &str = "vmgrp_wNGAcVsZoBKYDS6X";
    /// DataSourceVMGroups_default (v6): the two groups it created, the
    /// first segregated, the second not; both in `acme`'s list as read.
    pub const DEFAULT_FIRST: &str = "vmgrp_XHyMwDWA9qhiEPhJ";
    pub const DEFAULT_SECOND: &str = "vmgrp_TWxVGDU7c727XGWt";
    /// DataSourceVMGroup_basic (SDK, 2023): no `auto_segregate` field.
    pub const OLD_BASIC: &str = "vmgrp_7YwjRgCYyL2XlpIy";
    /// DataSourceVMGroups_default (SDK, 2023): its two groups, likewise.
    pub const OLD_FIRST: &str = "vmgrp_qgKisqcLJpkxTfKL";
    pub const OLD_SECOND: &str = "vmgrp_Cenw9gVTdYKfIV4x";
    /// The recorded 404 `virtual_machine_group_not_found` (each
    /// DataSourceVMGroup cassette's read after the delete), under an id of
    /// its own.
    pub const DELETED: &str = "vmgrp_Deleted000000001";
    /// 403 `scope_not_granted`, `detail.scopes`
    /// `["virtual_machine_groups", "virtual_machine_groups:read"]`.
    pub const SCOPE_MISSING: &str = "vmgrp_ScopeMissing0001";
    /// The id in the example of the Go provider's docs, in the recorded shape.
    pub const GO_EXAMPLE: &str = "vmgrp_Eh5LYVKScVHpj7sM";

    /// `acme`'s groups: DataSourceVMGroups_default's last list (v6), 19
    /// groups in the API's order, `DEFAULT_FIRST` and `DEFAULT_SECOND`
    /// among them.
    pub const ACME: &str = "acme";
    pub const ACME_GROUPS: usize = 19;
    /// The same cassette's earlier list: 17 groups.
    pub const EARLIER: &str = "terraform-acc-test";
    /// DataSourceVMGroups_default (SDK, 2023): `OLD_FIRST` and `OLD_SECOND`.
    pub const OLDER: &str = "acc-test-2023";
    /// No groups.
    pub const EMPTY: &str = "empty";
    /// Its list answers 403 `scope_not_granted`, the endpoint's scopes named.
    pub const SCOPE_MISSING_ORG: &str = "scope-missing";
    /// A list whose second group's `segregate` is the string `"yes"`.
    pub const WRONG_TYPES: &str = "wrong-types";
}

/// Virtual machine packages, by id (`answers/virtual_machine_packages/`),
/// and the lists `GET /virtual_machine_packages` answers.
pub mod packages {
    /// DataSourceVirtualMachinePackage_by_permalink: ROCK-3, `rock-3`.
    pub const ROCK_3: &str = "vmpkg_Eh5LYVKScVHpj7sM";
    /// DataSourceVirtualMachinePackage_by_id: ROCK-6, `rock-6`.
    pub const ROCK_6: &str = "vmpkg_dMeEyd1g8hwIlxR8";
    /// Written from the API reference: every field set, an icon, a group,
    /// dedicated CPUs (`dedi-8`).
    pub const DEDICATED: &str = "vmpkg_Dedicated0000001";
    /// 403 `scope_not_granted`, `detail.scopes` `["virtual_machine_packages:read"]`.
    pub const SCOPE_MISSING: &str = "vmpkg_ScopeMissing0001";

    /// The list endpoint, which names nothing: it answers the recorded list
    /// (`all.json`, DataSourceVirtualMachinePackages_all: 20 packages, one
    /// page of the API's 30), or the list a test names with
    /// `FakeApi::answer_list_as(LIST, name)`.
    pub const LIST: &str = "virtual_machine_packages";
    pub const RECORDED: usize = 20;
    /// 95 packages: four pages of 30.
    pub const MANY: &str = "many";
    pub const MANY_PACKAGES: usize = 95;
    /// One package more with every request: never holds still.
    pub const CHURNING: &str = "churning";
    /// 59 packages for the first request, 60 from then on.
    pub const SETTLING: &str = "settling";
    /// 403 `scope_not_granted`, `detail.scopes` `["virtual_machine_packages:read"]`.
    pub const SCOPE_MISSING_LIST: &str = "scope-missing";
}

/// Security groups, their rules and organizations' lists of them: the
/// recorded ones (`answers/security_groups/`, the Go provider's
/// DataSourceSecurityGroup*_ cassettes), and these.
pub mod security_groups {
    /// DataSourceSecurityGroup_rules: five inbound rules (ICMP among them,
    /// its ports null), outbound allowed, one association.
    pub const RULES: &str = "sg_LkK4zqz5M5N2HFBj";
    /// DataSourceSecurityGroupRule_by_id's group and its one rule.
    pub const WITH_ONE_RULE: &str = "sg_urAgMAemdiK1HC3D";
    pub const RULE: &str = "sgr_cDHuiAQalZ1ZkaXg";
    /// DataSourceSecurityGroupRules_rules, its second step: two inbound
    /// and two outbound rules; its first and third steps are served as
    /// `STEP_ONE` and `STEP_THREE`.
    pub const TWO_WAYS: &str = "sg_pCUakUcbx8xzFh74";
    pub const STEP_ONE: &str = "sg_pCUakUcbStep0001";
    pub const STEP_THREE: &str = "sg_pCUakUcbStep0003";
    /// DataSourceSecurityGroups_include_rules' inbound group, its rule with
    /// an `action`, `annotations` beside the group.
    pub const WITH_ACTION: &str = "sg_49J83zxdavo3NMbb";
    /// Recorded "not found"s: the group (both endpoints) and the rule.
    pub const NOT_FOUND: &str = "sg_thisdoesnotexist";
    pub const RULE_NOT_FOUND: &str = "sgr_thisdoesnotexist";
    /// 403 `scope_not_granted`, `detail.scopes` `["security_groups",
    /// "security_groups:read"]`: the group (both endpoints), the rule, and
    /// the organization `SCOPE_MISSING`'s list.
    pub const SCOPE_MISSING: &str = "sg_ScopeMissing0001";
    pub const RULE_SCOPE_MISSING: &str = "sgr_ScopeMissing0001";
    /// Organizations, by sub-domain. `acme`: DataSourceSecurityGroups_default's
    /// three groups (their rules recorded too), then `ANNOTATED`.
    pub const ACME: &str = "acme";
    /// DataSourceSecurityGroups_include_rules' two groups.
    pub const INCLUDE_RULES: &str = "include-rules";
    /// DataSourceSecurityGroups_no_results: none.
    pub const EMPTY: &str = "empty";
    pub const SCOPE_MISSING_ORG: &str = "scope-missing";
    /// The one group with annotations (`role = web`, `env = prod`): a
    /// group of `acme`'s, with two inbound rules (HTTPS, and ICMP with no
    /// ports nor notes).
    pub const ANNOTATED: &str = "sg_Annotated0000001";
    /// The id in the Go provider's docs examples: DataSourceSecurityGroup_rules'
    /// group, its SSH rule `GO_EXAMPLE_RULE`.
    pub const GO_EXAMPLE: &str = "sg_O3NQJHXsgan6vO1V";
    pub const GO_EXAMPLE_RULE: &str = "sgr_mGZH7CZ2nQDBr1Hx";
    /// Twenty groups, each with one inbound and one outbound rule: the
    /// benchmark's.
    pub const TWENTY: &str = "twenty";
    pub const TWENTY_GROUPS: usize = 20;
    /// A group of `MANY_RULE_COUNT` rules, over three pages of 200.
    pub const MANY_RULES: &str = "sg_ManyRules0000001";
    pub const MANY_RULE_COUNT: usize = 450;
    /// Its first listing names `MOVING_GONE`, deleted before its rules are
    /// read; from the second on, only `MOVING_STAY`.
    pub const MOVING: &str = "moving";
    pub const MOVING_STAY: &str = "sg_MovingStay000001";
    pub const MOVING_GONE: &str = "sg_MovingGone000001";
    /// Every listing names another group that is gone by its rules' read.
    pub const ALWAYS_MOVING: &str = "always-moving";
}

/// The badge the recorded single-template answers carry on Ubuntu.
pub const BADGE_URL: &str = "https://my.katapult.io/attachment/0d3c2f8e/cof_orange_hex.png";

/// DNS zones and records (`answers/dns_zones/`, `answers/dns_records/`),
/// written from the fixtures of Krystal's Go client and the API reference.
pub mod dns {
    /// `test1.example.com` (default TTL 3600, verified), with five records.
    pub const ZONE: &str = "dnszone_k75eFc4UBOgeE5Zy";
    pub const ZONE_NAME: &str = "test1.example.com";
    /// `test-2.example.com`, not verified, with no records.
    pub const EMPTY_ZONE: &str = "dnszone_lwz66kyviwCQyqQc";
    pub const EMPTY_ZONE_NAME: &str = "test-2.example.com";
    /// `ZONE`'s records: `www` (an `A` record whose `content_attributes`
    /// name every type, the others null) and an HTTP redirect (the API's
    /// `HTTPRedirect`).
    pub const A_RECORD: &str = "dnsrec_Www0000000000001";
    pub const REDIRECT_RECORD: &str = "dnsrec_Redirect000000001";
    /// A 403 `scope_not_granted` naming `dns` and `dns:read`: for a zone
    /// (and its records), a record; an organization's zones and
    /// nameservers are refused for `orgs::SCOPE_MISSING`.
    pub const SCOPE_MISSING_ZONE: &str = "dnszone_ScopeMissing001";
    pub const SCOPE_MISSING_RECORD: &str = "dnsrec_ScopeMissing0001";
    /// `orgs::BIGCO`'s zones, generated (`dnszone_Bigco{n:011}`), over two
    /// pages of 200.
    pub const BIGCO_ZONES: usize = 205;
}

/// Certificates (`answers/certificates/certificate/`) and the lists of
/// `orgs::ACME`'s certificates and SSH keys.
pub mod certificates {
    /// DataSourceCertificate_minimal's certificate, as recorded: self-signed,
    /// issued; its key and URL `[REDACTED]` in the recording.
    pub const RECORDED: &str = "cert_ZwVlQtZNyIBbOxuM";
    /// Written: a Let's Encrypt certificate with every field set, a made-up
    /// private key (random bytes, PEM-wrapped) and a certificate API URL
    /// with a made-up token (`URL_TOKEN`).
    pub const FULL: &str = "cert_FullSecret000001";
    /// The token in `FULL`'s `certificate_api_url`.
    pub const URL_TOKEN: &str = "ctok_Zq8vR3nW6yTb1xLk9PmD4sHa";
    /// 403 `scope_not_granted` (`certificates`, `certificates:read`).
    pub const SCOPE_MISSING: &str = "cert_ScopeMissing0001";
    /// The organization whose lists (certificates: DataSourceCertificates_minimal's,
    /// as recorded; SSH keys: written) are answered.
    pub const ORG: &str = "acme";
    /// Its certificates' and SSH keys' lists answer 403 `scope_not_granted`.
    pub const SCOPE_MISSING_ORG: &str = "scope-missing";
}

/// Organizations (`answers/organizations/organization/`, `answers/organizations/all.json`),
/// from Krystal's Go client's fixtures and the organization the recorded
/// virtual machines nest.
pub mod account {
    /// Go client's `organization_get.json`: only its id, name and sub-domain.
    pub const ACME: &str = "acme";
    pub const ACME_ID: &str = "org_O648YDMEYeLmqdmn";
    /// Go client's `organization_managed.json`: managed.
    pub const NERV: &str = "nerv";
    pub const NERV_ID: &str = "org_TZQHTxMg1G8COlfu";
    /// The organization the recorded virtual machines nest, every field.
    pub const TERRAFORM_ACC_TEST: &str = "terraform-acc-test";
    pub const TERRAFORM_ACC_TEST_ID: &str = "org_eodfyqFF3YWb2OFC";
    /// Its read answers 403 `scope_not_granted` (`organizations:read`);
    /// the list does for `SCOPELESS_TOKEN`. Its trash list answers 403
    /// (`trash_objects:read`).
    pub const SCOPE_MISSING: &str = "scope-missing";
    /// `ACME`'s trash (Go client's `trash_objects_list_page_1.json`): a
    /// virtual machine and a disk.
    pub const TRASHED_VM: &str = "trsh_hkW1SMq0Bn8yNrRx";
    pub const TRASHED_VM_OBJECT: &str = "vm_KTKc6pwFxLjJ40QY";
    pub const TRASHED_DISK: &str = "trsh_WX7ZTIdCb2gZ0PQ9";
    /// 403 `scope_not_granted` (`trash_objects:read`).
    pub const SCOPE_MISSING_TRASH: &str = "trsh_ScopeMissing0001";
    /// `orgs::BIGCO`'s trash, generated (`trsh_Bigco{n:011}`), over two
    /// pages of 200.
    pub const BIGCO_TRASH: usize = 205;
}
