//! `katapult_disk_io_profile`: one disk I/O profile of the provider's
//! organization, by `id` or `permalink`. Katapult has no single-profile
//! endpoint: the organization's list is read (every page) and matched
//! exactly, as Katapult's Go provider does.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::diag::Diagnostic;
use crate::schema::{Attribute, Block, Kind};
use crate::text::quoted;
use crate::tftypes::{AttributePath, Value};

use super::disk_io_profiles::all_profiles;
use super::mapping::map_object;
use super::{
    DataSource, Keys, ReadContext, ReadError, ReadFuture, TIMEOUTS, read_budget, read_lookup,
    timeouts_state, validate_lookup,
};

pub struct DiskIoProfile;

const NAME: Attribute = Attribute::computed(
    "name",
    Kind::String,
    "The IO profile's name, e.g. `Unrestricted`.",
);
const SPEED_IN_MB: Attribute = Attribute::computed(
    "speed_in_mb",
    Kind::Number,
    "Throughput limit in MB/s; null means unlimited.",
);
const IOPS: Attribute = Attribute::computed(
    "iops",
    Kind::Number,
    "Limit on IO operations per second; null means unlimited.",
);

/// A disk I/O profile as the API describes one: in a disk's `io_profile`
/// and in the organization's list alike.
pub(super) const PROFILE: &[Attribute] = &[
    Attribute::computed(
        "id",
        Kind::String,
        "The IO profile's ID, e.g. `diop_i39iT7k0RYAdQP48`.",
    ),
    NAME,
    Attribute::computed(
        "permalink",
        Kind::String,
        "The IO profile's permalink, e.g. `unrestricted`.",
    ),
    SPEED_IN_MB,
    IOPS,
];

/// The two keys a profile is looked up by.
const KEYS: [&str; 2] = ["id", "permalink"];

static SCHEMA: Block = Block {
    description: "Looks up one disk I/O profile of the organization named by the provider's \
                  `organization` (or `KATAPULT_ORGANIZATION`) by its `id` or its `permalink` \
                  (exactly one), through `GET /core/v1/organizations/organization/disk_io_profiles`. \
                  A profile limits a disk's throughput and IO operations; use its `id` where a \
                  disk's IO profile is asked for.",
    attributes: &[
        Attribute::optional_computed(
            "id",
            Kind::String,
            "The IO profile's ID, e.g. `diop_i39iT7k0RYAdQP48`. Set this or `permalink`.",
        ),
        Attribute::optional_computed(
            "permalink",
            Kind::String,
            "The IO profile's permalink, e.g. `unrestricted`. Set this or `id`.",
        ),
        NAME,
        SPEED_IN_MB,
        IOPS,
    ],
    blocks: &[TIMEOUTS],
    type_cache: OnceLock::new(),
};

impl DataSource for DiskIoProfile {
    fn type_name(&self) -> &'static str {
        "katapult_disk_io_profile"
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
            let organization = ctx.organization("disk I/O profiles")?;
            let budget = read_budget(ctx, config)?;
            let profiles = all_profiles(ctx, &budget, organization).await?;
            let Some(profile) = profiles
                .iter()
                .find(|p| p.get(key).and_then(|v| v.as_str()) == Some(wanted))
            else {
                let known: Vec<&str> = profiles
                    .iter()
                    .filter_map(|p| p.get("permalink").and_then(|v| v.as_str()))
                    .take(20)
                    .collect();
                return Err(ReadError::Missing {
                    summary: "Disk I/O profile not found".to_owned(),
                    detail: format!(
                        "No disk I/O profile with {key} {} exists in organization {}. Its \
                         profiles' permalinks are: {}.",
                        quoted(wanted),
                        quoted(organization),
                        if known.is_empty() {
                            "none".to_owned()
                        } else {
                            crate::text::shown(&known.join(", "), 500)
                        }
                    ),
                    at: Some(AttributePath::root(key)),
                });
            };
            let mut state: BTreeMap<String, Value> =
                map_object(profile, SCHEMA.attributes, &AttributePath::default())?;
            state.insert("timeouts".to_owned(), timeouts_state(config));
            Ok(Value::Object(state))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(id: Value, permalink: Value) -> Value {
        Value::Object(BTreeMap::from([
            ("id".to_owned(), id),
            ("permalink".to_owned(), permalink),
        ]))
    }

    #[test]
    fn exactly_one_of_id_and_permalink() {
        let cases = [
            (Value::from("diop_1"), Value::Null, None),
            (Value::Null, Value::from("unrestricted"), None),
            (Value::Unknown, Value::Null, None),
            (
                Value::Null,
                Value::Null,
                Some(("Missing id or permalink", None)),
            ),
            (
                Value::from("diop_1"),
                Value::from("unrestricted"),
                Some(("Both id and permalink set", Some("permalink"))),
            ),
            (Value::from(""), Value::Null, Some(("Empty id", Some("id")))),
        ];
        for (id, permalink, want) in cases {
            let diags = DiskIoProfile.validate(&config(id.clone(), permalink.clone()));
            let got = diags
                .first()
                .map(|d| (d.summary.as_str(), d.path.as_ref().map(ToString::to_string)));
            let want = want.map(|(s, p)| (s, p.map(str::to_owned)));
            assert_eq!(got, want, "{id:?} {permalink:?}");
        }
    }
}
