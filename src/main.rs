//! The provider binary: answers `--version` and `--help` when run by hand,
//! and serves Terraform when Terraform runs it.

use std::process::ExitCode;

use katapult_provider::logging;
use katapult_provider::plugin::{self, Mode, handshake};
use katapult_provider::provider::Provider;
use katapult_provider::server;

const USAGE: &str = "\
terraform-provider-katapult: the Terraform provider for Katapult (Krystal's cloud).

This is a Terraform plugin, not a program to run by hand. Terraform starts it
when a configuration uses the provider:

    terraform {
      required_providers {
        katapult = { source = \"krystal/katapult\" }
      }
    }

To use a local build, point Terraform at this binary's directory with
dev_overrides in a CLI configuration file (see README.md).

To debug it, run it yourself with --debug and give Terraform the
TF_REATTACH_PROVIDERS value it prints.

Options:
    --debug      serve without Terraform starting it (no TLS), for debugging
    --version    print the version and exit
    --help       print this text and exit
";

fn main() -> ExitCode {
    let mode = match std::env::args().nth(1).as_deref() {
        None => Mode::Terraform,
        Some("--debug" | "-debug") => Mode::Debug,
        Some("--version" | "-v" | "version") => {
            println!("terraform-provider-katapult {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Some("--help" | "-h" | "help") => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => {
            eprintln!("terraform-provider-katapult: unknown argument {other:?}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if mode == Mode::Terraform && !handshake::started_by_terraform() {
        eprint!("{USAGE}");
        return ExitCode::FAILURE;
    }
    // In debug mode logs go to the terminal, at debug unless TF_LOG says otherwise.
    let level = match (mode, logging::level_from_env()) {
        (Mode::Debug, tracing_subscriber::filter::LevelFilter::OFF) => {
            tracing_subscriber::filter::LevelFilter::DEBUG
        }
        (_, level) => level,
    };
    logging::init(level);
    logging::floor_from_env();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("terraform-provider-katapult: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let served = runtime.block_on(async {
        let shutdown = plugin::Shutdown::default();
        let service = server::routes(Provider::new(), shutdown.wait());
        let options = plugin::Options {
            mode,
            // Terraform's address, and OpenTofu's for the same provider.
            provider_addresses: &[server::PROVIDER_ADDR, server::OPENTOFU_PROVIDER_ADDR],
        };
        plugin::serve(service, shutdown, options).await
    });
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!(error = %e, "Plugin failed");
            eprintln!("terraform-provider-katapult: {e}");
            ExitCode::FAILURE
        }
    }
}
