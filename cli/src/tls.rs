//! TLS client settings shared by `mtasts check` (policy hosts, STARTTLS) and `mtasts report --imap`: the web's
//! roots (webpki-roots), or only the CAs of `--ca-file` (a private CA, the test CA of the testbed).

use rustls_pki_types::pem::PemObject;
use rustls_pki_types::CertificateDer;
use std::path::Path;
use std::sync::Arc;

/// A client configuration trusting `ca_file`'s certificates when given, else the public web roots.
pub fn client_config(ca_file: Option<&Path>) -> Result<Arc<rustls::ClientConfig>, String> {
    let mut roots = rustls::RootCertStore::empty();
    match ca_file {
        Some(path) => {
            let certs = CertificateDer::pem_file_iter(path)
                .map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
            for c in certs {
                roots
                    .add(c.map_err(|e| format!("`{}`: {e}", path.display()))?)
                    .map_err(|e| format!("`{}`: {e}", path.display()))?;
            }
        }
        None => roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned()),
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let cfg = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(cfg))
}
