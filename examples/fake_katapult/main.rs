//! Runs the tests' fake Katapult API on its own, for the README's demo:
//! `cargo run --example fake_katapult -- 127.0.0.1:8765`.
//! Prints the URL to use as `KATAPULT_API_URL`, then serves until killed.

use katapult_testkit::fake_api;

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:0".to_owned());
    let api = fake_api::FakeApi::bind(&addr).await?;
    println!("{}", api.url());
    eprintln!(
        "fake Katapult API serving at {} (sample disks: {}, {}; sample organization: {}); Ctrl-C to stop",
        api.url(),
        fake_api::REAL_DISK_ID,
        fake_api::FULL_DISK_ID,
        fake_api::organizations::ACME
    );
    std::future::pending::<()>().await;
    Ok(())
}
