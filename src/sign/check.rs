//! Checking the signatures in a PDF: that each signed byte range is unchanged, that the
//! signature was made with the certificate it names, and that the certificate chains to
//! one of the trust anchors given.
//!
//! Entry point: [`signatures`]. Each signature covers the file up to the end of its own
//! revision; a revision appended after it may only fill signature fields ([`super::changes`]).

use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerIdentifier};
use der::{Decode, Encode};
use lopdf::{Document, Object};
use sha2::{Digest, Sha256};
use x509_cert::Certificate;

/// id-messageDigest.
const MESSAGE_DIGEST: der::oid::ObjectIdentifier =
    der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");

/// What one signature's check found.
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    /// The field signed.
    pub field: String,
    /// The signer, from their certificate's subject.
    pub signer: String,
    /// Every problem found; none when the signature holds.
    pub problems: Vec<String>,
    /// Bytes appended after this signature's revision (later signatures, other changes).
    pub appended: usize,
}

/// Every signed field of `pdf`, checked against `trust` (no chain check when empty).
pub fn signatures(pdf: &[u8], trust: &[Certificate]) -> Result<Vec<Signature>, String> {
    let document = Document::load_mem(pdf).map_err(|e| format!("not a readable PDF: {e}"))?;
    let mut found = Vec::new();
    for field in super::fields(&document).unwrap_or_default() {
        let Ok((_, value)) = field
            .dictionary
            .get(b"V")
            .and_then(|v| document.dereference(v))
        else {
            continue;
        };
        let value = value
            .as_dict()
            .map_err(|_| format!("the signature of {} is not a dictionary", field.name))?;
        found.push(check(pdf, &document, &field.name, value, trust));
    }
    Ok(found)
}

/// One signature dictionary's signature in `pdf`, read as `document`, checked.
fn check(
    pdf: &[u8],
    document: &Document,
    field: &str,
    value: &lopdf::Dictionary,
    trust: &[Certificate],
) -> Signature {
    let mut signature = Signature {
        field: field.to_owned(),
        signer: String::new(),
        problems: Vec::new(),
        appended: 0,
    };
    match signed_bytes(pdf, value).and_then(|(digest, end, contents)| {
        signature.appended = pdf.len() - end;
        let mut problems = verify(&contents, &digest, trust, &mut signature.signer)?;
        let changed = super::changes::changes(pdf, document, end)?;
        problems.extend(
            changed
                .into_iter()
                .map(|c| format!("after it was signed, {c}")),
        );
        Ok(problems)
    }) {
        Ok(problems) => signature.problems = problems,
        Err(problem) => signature.problems.push(problem),
    }
    signature
}

/// The SHA-256 of the byte range a signature covers, where the range ends, and the
/// signature's bytes.
fn signed_bytes(
    pdf: &[u8],
    value: &lopdf::Dictionary,
) -> Result<([u8; 32], usize, Vec<u8>), String> {
    let range: Vec<usize> = value
        .get(b"ByteRange")
        .and_then(Object::as_array)
        .map_err(|_| "it has no byte range".to_owned())?
        .iter()
        .map(|n| n.as_i64().ok().and_then(|n| usize::try_from(n).ok()))
        .collect::<Option<Vec<_>>>()
        .ok_or("its byte range is not four offsets")?;
    let [start, first, second, length] = range[..] else {
        return Err("its byte range is not four offsets".to_owned());
    };
    let end = second.checked_add(length).filter(|&end| end <= pdf.len());
    let (Some(end), 0, true) = (end, start, first <= second) else {
        return Err("its byte range does not lie in the file".to_owned());
    };
    let mut hasher = Sha256::new();
    hasher.update(&pdf[..first]);
    hasher.update(&pdf[second..end]);
    let contents = value
        .get(b"Contents")
        .and_then(Object::as_str)
        .map_err(|_| "it has no signature".to_owned())?;
    Ok((hasher.finalize().into(), end, contents.to_vec()))
}

/// The problems of the CMS signature `contents` over bytes of digest `digest`; `signer`
/// gets the signer's name.
fn verify(
    contents: &[u8],
    digest: &[u8],
    trust: &[Certificate],
    signer: &mut String,
) -> Result<Vec<String>, String> {
    // The signature fills the front of its room; the zeros after it are not part of it.
    let length = der::SliceReader::new(contents)
        .and_then(|mut reader| der::Header::decode(&mut reader))
        .ok()
        .and_then(|header| {
            let total = (header.encoded_len().ok()? + header.length).ok()?;
            usize::try_from(total).ok()
        })
        .filter(|&length| length <= contents.len())
        .ok_or("its signature is not a CMS structure")?;
    let info = ContentInfo::from_der(&contents[..length])
        .map_err(|e| format!("its signature cannot be read: {e}"))?;
    let data: SignedData = info
        .content
        .decode_as()
        .map_err(|e| format!("its signature cannot be read: {e}"))?;
    let signer_info = data
        .signer_infos
        .0
        .iter()
        .next()
        .ok_or("its signature has no signer")?;
    let certificates: Vec<Certificate> = data
        .certificates
        .iter()
        .flat_map(|set| set.0.iter())
        .filter_map(|choice| match choice {
            cms::cert::CertificateChoices::Certificate(c) => Some(c.clone()),
            _ => None,
        })
        .collect();
    let SignerIdentifier::IssuerAndSerialNumber(id) = &signer_info.sid else {
        return Err("its signer is not named by issuer and serial number".to_owned());
    };
    let certificate = certificates
        .iter()
        .find(|c| {
            c.tbs_certificate.issuer == id.issuer
                && c.tbs_certificate.serial_number == id.serial_number
        })
        .ok_or("the signer's certificate is not in the signature")?;
    *signer = certificate.tbs_certificate.subject.to_string();
    let mut problems = Vec::new();
    let attributes = signer_info
        .signed_attrs
        .as_ref()
        .ok_or("its signature signs no attributes")?;
    let claimed = attributes
        .iter()
        .find(|a| a.oid == MESSAGE_DIGEST)
        .and_then(|a| a.values.iter().next())
        .and_then(|v| v.decode_as::<der::asn1::OctetString>().ok());
    if claimed.as_ref().map(|d| d.as_bytes()) != Some(digest) {
        problems.push("the signed bytes have changed since signing".to_owned());
    }
    let message = attributes.to_der().map_err(|e| e.to_string())?;
    if !signed_by(certificate, &message, signer_info.signature.as_bytes()) {
        problems.push("the signature was not made with the signer's certificate".to_owned());
    }
    if !trust.is_empty() && !chains(certificate, &certificates, trust) {
        problems.push("the signer's certificate does not chain to a trusted one".to_owned());
    }
    Ok(problems)
}

/// Whether `signature` over `message` was made with `certificate`'s key (RSA PKCS #1 v1.5
/// or ECDSA P-256, with SHA-256).
fn signed_by(certificate: &Certificate, message: &[u8], signature: &[u8]) -> bool {
    use signature::Verifier;
    use spki::DecodePublicKey;
    let Ok(key) = certificate.tbs_certificate.subject_public_key_info.to_der() else {
        return false;
    };
    if let Ok(key) = rsa::RsaPublicKey::from_public_key_der(&key) {
        let key = rsa::pkcs1v15::VerifyingKey::<Sha256>::new(key);
        return rsa::pkcs1v15::Signature::try_from(signature)
            .is_ok_and(|s| key.verify(message, &s).is_ok());
    }
    if let Ok(key) = p256::ecdsa::VerifyingKey::from_public_key_der(&key) {
        return p256::ecdsa::DerSignature::try_from(signature)
            .is_ok_and(|s| key.verify(message, &s).is_ok());
    }
    false
}

/// Whether `certificate` chains, through `intermediates`, to one of `trust`: each link's
/// signature checked with its issuer's key.
fn chains(certificate: &Certificate, intermediates: &[Certificate], trust: &[Certificate]) -> bool {
    let mut current = certificate.clone();
    // A chain longer than this is a loop.
    for _ in 0..8 {
        if trust.contains(&current) {
            return true;
        }
        let issuer_name = &current.tbs_certificate.issuer;
        let issued = |issuer: &&Certificate| {
            issuer.tbs_certificate.subject == *issuer_name
                && current
                    .tbs_certificate
                    .to_der()
                    .is_ok_and(|tbs| signed_by(issuer, &tbs, current.signature.raw_bytes()))
        };
        if trust.iter().any(|anchor| issued(&anchor)) {
            return true;
        }
        match intermediates.iter().find(issued) {
            Some(next) if *next != current => current = next.clone(),
            _ => return false,
        }
    }
    false
}
