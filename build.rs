//! Compiles the vendored protocol definitions in `proto/` with protox (a
//! pure-Rust protobuf compiler), so no `protoc` is needed on the machine.
//! Only server stubs are generated: the plugin never calls Terraform.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let files = ["proto/tfplugin6.proto", "proto/goplugin.proto"];
    for file in files {
        println!("cargo:rerun-if-changed={file}");
    }
    let descriptors = protox::compile(files, ["proto"])?;
    tonic_prost_build::configure()
        .build_client(false)
        .build_server(true)
        .compile_fds(descriptors)?;
    Ok(())
}
