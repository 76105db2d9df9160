//! What differs between Unix and Windows for a go-plugin server, kept in
//! one place with one interface: where the plugin listens (a unix socket in
//! a private directory; TCP on 127.0.0.1 on Windows, as go-plugin does
//! there), how the handshake names that address, which signals end the
//! plugin, and whether it can notice its parent going away.
//!
//! - `Endpoint::listen()`, `network()`, `address()`, `accept()`;
//! - `watch_signals(shutdown, mode)`;
//! - `watch_parent(shutdown)`;
//! - `env_assignment(name, value)`: how to set a variable in this system's
//!   shells, for `--debug`'s reattach line.

#[cfg(unix)]
mod unix;
#[cfg(unix)]
pub use unix::{Endpoint, Stream, watch_parent, watch_signals};

mod ports;
#[cfg(windows)]
mod windows;
#[cfg(windows)]
pub use windows::{Endpoint, Stream, watch_parent, watch_signals};

/// Lines that set `name` to `value` in this system's shells, each indented
/// by a tab: POSIX shells on Unix; PowerShell and cmd.exe on Windows.
pub fn env_assignment(name: &str, value: &str) -> String {
    if cfg!(windows) {
        windows_assignments(name, value)
    } else {
        posix_assignment(name, value)
    }
}

/// `NAME='VALUE'`, a quote inside closed, escaped and reopened.
fn posix_assignment(name: &str, value: &str) -> String {
    format!("\t{name}='{}'\n", value.replace('\'', r"'\''"))
}

/// PowerShell (`$env:NAME='VALUE'`, a quote doubled) and cmd.exe
/// (`set "NAME=VALUE"`: cmd strips only the outer quotes, so the JSON's own
/// quotes stay; a `%` could expand, so no cmd.exe line for a value with one).
fn windows_assignments(name: &str, value: &str) -> String {
    let mut lines = format!(
        "\tPowerShell: $env:{name}='{}'\n",
        value.replace('\'', "''")
    );
    if !value.contains('%') {
        lines.push_str(&format!("\tcmd.exe:    set \"{name}={value}\"\n"));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assignments_survive_quotes_in_the_value() {
        assert_eq!(posix_assignment("V", "{\"a\":1}"), "\tV='{\"a\":1}'\n");
        // A quote (a socket directory under a TMPDIR holding one) is closed,
        // escaped and reopened: `sh -c` reads back the same value.
        let line = posix_assignment("V", "/tmp/it's/plugin.sock");
        assert_eq!(line, "\tV='/tmp/it'\\''s/plugin.sock'\n");
        #[cfg(unix)]
        {
            let out = std::process::Command::new("sh")
                .arg("-c")
                .arg(format!("{}; printf %s \"$V\"", line.trim()))
                .output()
                .unwrap();
            assert_eq!(
                String::from_utf8_lossy(&out.stdout),
                "/tmp/it's/plugin.sock"
            );
        }
        let windows = windows_assignments("V", "{\"s\":\"it's\"}");
        assert!(windows.contains("$env:V='{\"s\":\"it''s\"}'"), "{windows}");
        assert!(windows.contains("set \"V={\"s\":\"it's\"}\""), "{windows}");
        assert!(!windows_assignments("V", "100%").contains("cmd.exe"));
    }
}
