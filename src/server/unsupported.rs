//! The answer to every RPC for something this provider does not offer:
//! managed resources and functions. The RPCs that ask what there is of
//! them (GetFunctions, GetResourceIdentitySchemas) get an empty answer; the
//! rest, listed in `mod.rs`'s table through `rpcs!`, an error that names
//! what is offered instead.

use tonic::{Request, Response, Status};

use super::proto as pb;
use super::service::ProviderService;
use super::service::WithDiagnostics;
use crate::diag::Diagnostic;

#[derive(Debug, Clone, Copy)]
pub(super) enum Feature {
    Resource,
    Function,
}

/// The trait methods of RPCs this provider answers with "not offered"
/// (`pb::NAME::Request` to `pb::NAME::Response`, named `RPC` in logs),
/// written as `#[tonic::async_trait]` expands an `async fn`: the attribute
/// does not look inside macros. Its paths are absolute because it expands
/// in `mod.rs`, whose table should need nothing imported for it.
macro_rules! rpcs {
    ($($method:ident($rpc:ident) = $feature:ident;)*) => {$(
        fn $method<'life0, 'async_trait>(
            &'life0 self,
            _request: ::tonic::Request<$crate::server::proto::$method::Request>,
        ) -> ::core::pin::Pin<
            Box<
                dyn ::core::future::Future<
                        Output = Result<
                            ::tonic::Response<$crate::server::proto::$method::Response>,
                            ::tonic::Status,
                        >,
                    > + Send
                    + 'async_trait,
            >,
        >
        where
            'life0: 'async_trait,
            Self: 'async_trait,
        {
            Box::pin(self.unsupported(
                stringify!($rpc),
                $crate::server::unsupported::Feature::$feature,
            ))
        }
    )*};
}
pub(super) use rpcs;

impl ProviderService {
    pub(super) async fn unsupported<R: WithDiagnostics>(
        &self,
        rpc: &'static str,
        feature: Feature,
    ) -> Result<Response<R>, Status> {
        let offered = self.provider.data_sources();
        self.handle(rpc, "", async {
            R::with_diagnostics(vec![diagnostic(feature, offered)])
        })
        .await
    }
}

fn diagnostic(feature: Feature, offered: &[&dyn crate::datasource::DataSource]) -> Diagnostic {
    let what = match feature {
        Feature::Resource => "managed resources",
        Feature::Function => "functions",
    };
    let offered = offered
        .iter()
        .map(|d| d.type_name())
        .collect::<Vec<_>>()
        .join(", ");
    Diagnostic::error(
        format!("The Katapult provider has no {what}"),
        format!(
            "This provider offers data sources ({offered}), in `data` blocks, and the same as \
             ephemeral resources where they hold secrets."
        ),
    )
}

/// No managed resources, so no identities: an empty answer is correct.
pub(super) async fn get_resource_identity_schemas(
    service: &ProviderService,
    _request: Request<pb::get_resource_identity_schemas::Request>,
) -> Result<Response<pb::get_resource_identity_schemas::Response>, Status> {
    service
        .handle("GetResourceIdentitySchemas", "", async {
            Default::default()
        })
        .await
}

/// No functions: the true answer is an empty list, not an error.
pub(super) async fn get_functions(
    service: &ProviderService,
    _request: Request<pb::get_functions::Request>,
) -> Result<Response<pb::get_functions::Response>, Status> {
    service
        .handle("GetFunctions", "", async { Default::default() })
        .await
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{errors, service};
    use super::*;
    use pb::provider_server::Provider as _;

    #[tokio::test]
    async fn unsupported_rpcs_say_what_is_offered() {
        let s = service();
        let r = s
            .read_resource(Request::new(Default::default()))
            .await
            .unwrap()
            .into_inner();
        assert_eq!(
            errors(&r.diagnostics),
            ["The Katapult provider has no managed resources"]
        );
        assert!(r.diagnostics[0].detail.contains("katapult_disk"));
        let r = s
            .open_ephemeral_resource(Request::new(Default::default()))
            .await
            .unwrap()
            .into_inner();
        // The ephemeral RPCs are served: an unknown type is named as such.
        assert_eq!(errors(&r.diagnostics), ["Unknown ephemeral resource"]);
        assert!(r.diagnostics[0].detail.contains("katapult_disk"));
        let r = s
            .call_function(Request::new(Default::default()))
            .await
            .unwrap()
            .into_inner();
        assert!(r.error.unwrap().text.contains("has no functions"));
        // Asked of every provider by newer Terraform; empty is the right answer.
        let r = s
            .get_resource_identity_schemas(Request::new(Default::default()))
            .await
            .unwrap()
            .into_inner();
        assert!(r.identity_schemas.is_empty() && r.diagnostics.is_empty());
    }
}
