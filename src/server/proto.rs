//! The tfplugin6 messages and service, generated from `proto/` at build
//! time.
#![allow(clippy::all, clippy::pedantic, missing_docs, dead_code)]

tonic::include_proto!("tfplugin6");
