//! Provider settings a read falls back on when its configuration names
//! nothing: the provider's `data_center` (a permalink), as Katapult's Go
//! provider reads it for a data center or a data center's default network.
//! The one wording of "none set" and of its "not found", which has no line
//! in the data source's block to point at.

use crate::katapult;
use crate::text::quoted;

use super::error::ReadError;
use super::source::Setting;

/// The provider's `data_center`, or the error saying what to set: `keys`
/// the data source's own arguments in words ("`id` or `permalink`"),
/// `subject` what would be read ("data center", "network").
pub fn data_center<'a>(
    setting: &'a Setting,
    subject: &str,
    keys: &str,
) -> Result<&'a str, ReadError> {
    match setting {
        Setting::Set(permalink) if !permalink.is_empty() => Ok(permalink.as_str()),
        Setting::Unknown => Err(ReadError::SettingUnknown("data_center")),
        Setting::Set(_) | Setting::Unset => Err(ReadError::Missing {
            summary: format!("No {subject} to look up"),
            detail: format!(
                "Set {keys} on this data source, or the provider's `data_center` (or the \
                 KATAPULT_DATA_CENTER environment variable) to a data center's permalink, such \
                 as \"uk-lon-01\"."
            ),
            at: None,
        }),
    }
}

/// What the API's errors mean for a read by the provider's `data_center`
/// `permalink`: its "not found" names the setting. `purpose` says what it
/// was read for ("whose default network to read"), `hint` where to look.
pub fn data_center_error(
    error: katapult::Error,
    permalink: &str,
    purpose: &str,
    hint: &str,
) -> ReadError {
    match error {
        katapult::Error::NotFound { code } if code == "data_center_not_found" => {
            ReadError::Missing {
                summary: "Data center not found".to_owned(),
                detail: format!(
                    "Katapult has no data center with permalink {}, the provider's \
                     `data_center` (or KATAPULT_DATA_CENTER){purpose}, that this API key can \
                     see. {hint}",
                    quoted(permalink),
                )
                .trim_end()
                .to_owned(),
                at: None,
            }
        }
        error => ReadError::Api(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_keys_the_provider_setting_is_read_or_asked_for() {
        let read = |setting: Setting| {
            data_center(&setting, "data center", "`id` or `permalink`").map(str::to_owned)
        };
        assert_eq!(read(Setting::Set("uk-lon-01".into())).unwrap(), "uk-lon-01");
        assert!(matches!(
            read(Setting::Unknown),
            Err(ReadError::SettingUnknown("data_center"))
        ));
        for unset in [Setting::Unset, Setting::Set(String::new())] {
            let Err(ReadError::Missing {
                summary,
                detail,
                at,
            }) = read(unset.clone())
            else {
                panic!("{unset:?}")
            };
            assert_eq!(summary, "No data center to look up");
            assert!(detail.contains("`id` or `permalink`"), "{detail}");
            assert!(detail.contains("KATAPULT_DATA_CENTER"), "{detail}");
            assert!(at.is_none());
        }
        let err = data_center_error(
            katapult::Error::NotFound {
                code: "data_center_not_found".into(),
            },
            "xx-nowhere-01",
            "",
            "`katapult_data_centers` lists every data center.",
        );
        let ReadError::Missing { detail, at, .. } = err else {
            panic!("{err:?}")
        };
        assert!(detail.contains("\"xx-nowhere-01\""), "{detail}");
        assert!(detail.contains("the provider's `data_center`"), "{detail}");
        assert!(detail.ends_with("lists every data center."), "{detail}");
        assert!(at.is_none());
        // Any other error is the API's to word.
        let other = data_center_error(katapult::Error::NotFound { code: "x".into() }, "p", "", "");
        assert!(matches!(other, ReadError::Api(_)));
    }
}
