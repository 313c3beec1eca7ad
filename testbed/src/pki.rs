//! A test CA and server certificates it signs, chosen by the name the client asks for (SNI).

use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair};
use rustls::server::{ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The test CA.
pub struct Pki {
    /// The CA certificate, PEM (what `--ca-file` and `NODE_EXTRA_CA_CERTS` read).
    pub ca_pem: String,
    key: KeyPair,
    params: CertificateParams,
}

impl std::fmt::Debug for Pki {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pki")
    }
}

fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

impl Pki {
    /// A fresh CA.
    pub fn new() -> Pki {
        let key = KeyPair::generate().expect("key");
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("params");
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "mtasts testbed CA");
        let ca = params.self_signed(&key).expect("ca");
        Pki {
            ca_pem: ca.pem(),
            key,
            params,
        }
    }

    /// Writes the CA certificate to `dir/ca.pem`.
    pub fn write_ca(&self, dir: &std::path::Path) -> std::path::PathBuf {
        let ca = dir.join("ca.pem");
        std::fs::write(&ca, &self.ca_pem).expect("ca");
        ca
    }

    /// A certificate and key for `names` as PEM files `dir/<stem>.pem` and `dir/<stem>.key` (for servers that are
    /// not ours, such as dovecot in the IMAP tests).
    pub fn write_server(
        &self,
        dir: &std::path::Path,
        stem: &str,
        names: &[&str],
    ) -> (std::path::PathBuf, std::path::PathBuf) {
        let key = KeyPair::generate().expect("key");
        let params =
            CertificateParams::new(names.iter().map(|s| s.to_string()).collect::<Vec<_>>())
                .expect("params");
        let cert = params
            .signed_by(&key, &Issuer::from_params(&self.params, &self.key))
            .expect("cert");
        let (c, k) = (
            dir.join(format!("{stem}.pem")),
            dir.join(format!("{stem}.key")),
        );
        std::fs::write(&c, cert.pem()).expect("cert");
        std::fs::write(&k, key.serialize_pem()).expect("key");
        (c, k)
    }

    /// A certificate and key for `names`.
    pub fn certified(&self, names: &[String]) -> Arc<CertifiedKey> {
        let key = KeyPair::generate().expect("key");
        let params = CertificateParams::new(names.to_vec()).expect("params");
        let cert = params
            .signed_by(&key, &Issuer::from_params(&self.params, &self.key))
            .expect("cert");
        let der = rustls_pki_types::PrivateKeyDer::try_from(key.serialize_der()).expect("key der");
        let signer = provider()
            .key_provider
            .load_private_key(der)
            .expect("signing key");
        Arc::new(CertifiedKey::new(vec![cert.der().clone()], signer))
    }

    /// A server config presenting a certificate for `names`, whatever the client asks.
    pub fn server(self: &Arc<Self>, names: &[&str]) -> Arc<rustls::ServerConfig> {
        let fixed = self.certified(&names.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        self.config(Arc::new(Fixed(fixed)))
    }

    /// A server config presenting, for each name asked (SNI), a certificate for `rename(name)`.
    pub fn server_by_name(
        self: &Arc<Self>,
        rename: fn(&str) -> String,
    ) -> Arc<rustls::ServerConfig> {
        self.config(Arc::new(BySni {
            pki: self.clone(),
            rename,
            cache: Mutex::default(),
        }))
    }

    fn config(&self, resolver: Arc<dyn ResolvesServerCert>) -> Arc<rustls::ServerConfig> {
        let cfg = rustls::ServerConfig::builder_with_provider(provider())
            .with_safe_default_protocol_versions()
            .expect("versions")
            .with_no_client_auth()
            .with_cert_resolver(resolver);
        Arc::new(cfg)
    }
}

impl Default for Pki {
    fn default() -> Self {
        Pki::new()
    }
}

#[derive(Debug)]
struct Fixed(Arc<CertifiedKey>);

impl ResolvesServerCert for Fixed {
    fn resolve(&self, _: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        Some(self.0.clone())
    }
}

struct BySni {
    pki: Arc<Pki>,
    rename: fn(&str) -> String,
    cache: Mutex<HashMap<String, Arc<CertifiedKey>>>,
}

impl std::fmt::Debug for BySni {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BySni")
    }
}

impl ResolvesServerCert for BySni {
    fn resolve(&self, hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        let name = (self.rename)(hello.server_name()?);
        let mut cache = self.cache.lock().ok()?;
        let ck = cache
            .entry(name.clone())
            .or_insert_with(|| self.pki.certified(&[name]));
        Some(ck.clone())
    }
}
