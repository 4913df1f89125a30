//! The signature itself: a detached CMS SignedData over the signed bytes' SHA-256, as PAdES
//! baseline B-B asks (ETSI EN 319 142-1): the content type, the message digest and the
//! signing certificate (ESS signing-certificate-v2) as signed attributes, the signer's
//! certificate chain included, no signing-time attribute (the signature dictionary's `M`
//! gives the claimed time).
//!
//! Entry points: [`Identity::from_pkcs12`] and [`Identity::sign`].

use cms::builder::{SignedDataBuilder, SignerInfoBuilder};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::ContentInfo;
use cms::signed_data::{
    EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos,
};
use der::asn1::{OctetString, SetOfVec};
use der::{Any, Decode, Encode};
use sha2::{Digest, Sha256};
use spki::AlgorithmIdentifierOwned;
use x509_cert::Certificate;
use x509_cert::attr::Attribute;

/// id-data: the content a detached PDF signature is over.
const DATA: der::oid::ObjectIdentifier =
    der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
/// id-aa-signingCertificateV2 (RFC 5035).
const SIGNING_CERTIFICATE_V2: der::oid::ObjectIdentifier =
    der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.47");
/// id-aa-signatureTimeStampToken (RFC 3161).
const SIGNATURE_TIME_STAMP: der::oid::ObjectIdentifier =
    der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.14");
const SHA_256: der::oid::ObjectIdentifier =
    der::oid::ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");

/// The key a signature is made with.
enum Key {
    Rsa(Box<rsa::pkcs1v15::SigningKey<Sha256>>),
    P256(p256::ecdsa::SigningKey),
}

/// A signer: the private key and the certificates, the signer's first.
pub struct Identity {
    key: Key,
    chain: Vec<Certificate>,
}

impl Identity {
    /// The first key and its certificates in a PKCS #12 file (.p12, .pfx).
    pub fn from_pkcs12(data: &[u8], password: &str) -> Result<Identity, String> {
        let store = p12_keystore::KeyStore::from_pkcs12(data, password)
            .map_err(|e| format!("cannot open the .p12 file (is the password right?): {e}"))?;
        let (_, entry) = store
            .private_key_chain()
            .ok_or("the .p12 file holds no private key with its certificate")?;
        let chain = entry
            .chain()
            .iter()
            .map(|c| Certificate::from_der(c.as_der()).map_err(|e| e.to_string()))
            .collect::<Result<Vec<_>, _>>()?;
        if chain.is_empty() {
            return Err("the .p12 file holds no certificate for its key".to_owned());
        }
        Ok(Identity {
            key: key(entry.key())?,
            chain,
        })
    }

    /// The signer's name, from their certificate's subject.
    pub fn name(&self) -> String {
        self.chain[0].tbs_certificate.subject.to_string()
    }

    /// The signer's common name (`CN`), or the whole subject when it has none.
    pub fn common_name(&self) -> String {
        let subject = self.name();
        subject
            .split(',')
            .find_map(|part| part.trim().strip_prefix("CN="))
            .map_or(subject.clone(), str::to_owned)
    }

    /// The CMS signature (DER) over bytes whose SHA-256 is `digest`, time-stamped by the
    /// authority at `tsa` when one is given (PAdES B-T).
    pub fn sign(&self, digest: &[u8], tsa: Option<&str>) -> Result<Vec<u8>, String> {
        let signed = match &self.key {
            Key::Rsa(key) => self.signed_data::<_, rsa::pkcs1v15::Signature>(key.as_ref(), digest),
            Key::P256(key) => self.signed_data::<_, p256::ecdsa::DerSignature>(key, digest),
        }?;
        let signed = match tsa {
            Some(url) => time_stamped(signed, url)?,
            None => signed,
        };
        signed
            .to_der()
            .map_err(|e| format!("cannot make the signature: {e}"))
    }

    fn signed_data<S, Signature>(&self, key: &S, digest: &[u8]) -> Result<ContentInfo, String>
    where
        S: signature::Keypair
            + spki::DynSignatureAlgorithmIdentifier
            + signature::Signer<Signature>,
        Signature: spki::SignatureBitStringEncoding,
    {
        let fail = |e: &dyn std::fmt::Display| format!("cannot make the signature: {e}");
        let signer = &self.chain[0];
        let content = EncapsulatedContentInfo {
            econtent_type: DATA,
            econtent: None,
        };
        let sha256 = AlgorithmIdentifierOwned {
            oid: SHA_256,
            parameters: None,
        };
        let sid = SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: signer.tbs_certificate.issuer.clone(),
            serial_number: signer.tbs_certificate.serial_number.clone(),
        });
        let mut info = SignerInfoBuilder::new(key, sid, sha256.clone(), &content, Some(digest))
            .map_err(|e| fail(&e))?;
        info.add_signed_attribute(signing_certificate(signer)?)
            .map_err(|e| fail(&e))?;
        let mut data = SignedDataBuilder::new(&content);
        data.add_digest_algorithm(sha256).map_err(|e| fail(&e))?;
        for certificate in &self.chain {
            data.add_certificate(CertificateChoices::Certificate(certificate.clone()))
                .map_err(|e| fail(&e))?;
        }
        data.add_signer_info::<S, Signature>(info)
            .map_err(|e| fail(&e))?;
        data.build().map_err(|e| fail(&e))
    }
}

/// `signed` with a time-stamp token over its signature from the authority at `url`, as an
/// unsigned attribute of its signer (RFC 3161, appendix A).
fn time_stamped(signed: ContentInfo, url: &str) -> Result<ContentInfo, String> {
    let fail = |e: &dyn std::fmt::Display| format!("cannot add the time stamp: {e}");
    let mut data: SignedData = signed.content.decode_as().map_err(|e| fail(&e))?;
    let mut infos: Vec<SignerInfo> = data.signer_infos.0.into_vec();
    let info = infos.first_mut().ok_or_else(|| fail(&"no signer"))?;
    let imprint = Sha256::digest(info.signature.as_bytes());
    let token = super::timestamp::token(url, &imprint)?;
    let token = Any::from_der(&token).map_err(|e| fail(&e))?;
    let attribute = Attribute {
        oid: SIGNATURE_TIME_STAMP,
        values: SetOfVec::try_from(vec![token]).map_err(|e| fail(&e))?,
    };
    info.unsigned_attrs = Some(SetOfVec::try_from(vec![attribute]).map_err(|e| fail(&e))?);
    data.signer_infos = SignerInfos(SetOfVec::try_from(infos).map_err(|e| fail(&e))?);
    Ok(ContentInfo {
        content_type: signed.content_type,
        content: Any::encode_from(&data).map_err(|e| fail(&e))?,
    })
}

/// The private key of PKCS #8 `der`: RSA or ECDSA on P-256.
fn key(der: &[u8]) -> Result<Key, String> {
    use pkcs8::DecodePrivateKey;
    if let Ok(key) = rsa::RsaPrivateKey::from_pkcs8_der(der) {
        return Ok(Key::Rsa(Box::new(rsa::pkcs1v15::SigningKey::new(key))));
    }
    p256::ecdsa::SigningKey::from_pkcs8_der(der)
        .map(Key::P256)
        .map_err(|_| "the key in the .p12 file is neither RSA nor ECDSA on P-256".to_owned())
}

/// ESS signing-certificate-v2 naming `certificate` by its SHA-256 (RFC 5035): binds the
/// signature to the certificate, as PAdES asks.
fn signing_certificate(certificate: &Certificate) -> Result<Attribute, String> {
    let der = certificate.to_der().map_err(|e| e.to_string())?;
    let hash = OctetString::new(Sha256::digest(&der).to_vec()).map_err(|e| e.to_string())?;
    // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }, and
    // ESSCertIDv2 ::= SEQUENCE { certHash OCTET STRING } when the hash is SHA-256.
    let sequence = |content: Vec<u8>| -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        der::Header::new(der::Tag::Sequence, content.len())
            .and_then(|h| h.encode_to_vec(&mut out))
            .map_err(|e| e.to_string())?;
        out.extend(content);
        Ok(out)
    };
    let id = sequence(hash.to_der().map_err(|e| e.to_string())?)?;
    let value = sequence(sequence(id)?)?;
    let value = Any::from_der(&value).map_err(|e| e.to_string())?;
    Ok(Attribute {
        oid: SIGNING_CERTIFICATE_V2,
        values: SetOfVec::try_from(vec![value]).map_err(|e| e.to_string())?,
    })
}
