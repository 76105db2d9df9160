//! Which TCP ports the plugin may listen on, as go-plugin reads them (the
//! Windows endpoint listens on TCP).

/// The ports go-plugin lets a plugin listen on when it listens on TCP:
/// `PLUGIN_MIN_PORT` to `PLUGIN_MAX_PORT`, 10000 to 25000 when unset, as
/// go-plugin reads them. A value that is not a port, or a range that is
/// empty, is an error naming the variable.
#[cfg_attr(unix, allow(dead_code))]
pub(crate) fn port_range(
    min: Option<&str>,
    max: Option<&str>,
) -> Result<std::ops::RangeInclusive<u16>, String> {
    let read = |name: &str, value: Option<&str>, default: u16| match value.map(str::trim) {
        None | Some("") => Ok(default),
        Some(text) => text.parse::<u16>().map_err(|_| {
            format!(
                "{name}={} is not a port number (1 to 65535)",
                crate::text::quoted(text)
            )
        }),
    };
    let min = read("PLUGIN_MIN_PORT", min, 10000)?;
    let max = read("PLUGIN_MAX_PORT", max, 25000)?;
    if min == 0 || min > max {
        return Err(format!(
            "PLUGIN_MIN_PORT={min} and PLUGIN_MAX_PORT={max} leave no port to listen on"
        ));
    }
    Ok(min..=max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_as_go_plugin_reads_them() {
        assert_eq!(port_range(None, None), Ok(10000..=25000));
        assert_eq!(port_range(Some("30000"), Some("30010")), Ok(30000..=30010));
        assert_eq!(port_range(Some(" 5000 "), Some("")), Ok(5000..=25000));
        for (min, max, want) in [
            (Some("x"), None, "PLUGIN_MIN_PORT=\"x\" is not a port"),
            (
                None,
                Some("70000"),
                "PLUGIN_MAX_PORT=\"70000\" is not a port",
            ),
            (Some("20000"), Some("10000"), "leave no port"),
            (Some("0"), Some("0"), "leave no port"),
        ] {
            let err = port_range(min, max).unwrap_err();
            assert!(err.contains(want), "{min:?} {max:?}: {err}");
        }
    }
}
