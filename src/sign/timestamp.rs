//! A time stamp from a time-stamp authority (RFC 3161), which makes a signature PAdES
//! baseline B-T: proof from a third party that the signature existed at that time.
//!
//! Entry point: [`token`]. The request goes over plain HTTP, as TSAs serve it: the token
//! is signed by the authority, so it needs no TLS, and kvartal needs no HTTP library.

use der::asn1::{ObjectIdentifier, OctetString};
use der::{Decode, Encode, Sequence};
use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

/// How long the authority may take to connect and to answer.
const TIMEOUT: Duration = Duration::from_secs(20);
/// The most a reply may hold: a token with its certificate chain is a few kilobytes.
const MAX_REPLY_BYTES: u64 = 1024 * 1024;

#[derive(Sequence)]
struct MessageImprint {
    algorithm: spki::AlgorithmIdentifierOwned,
    hashed_message: OctetString,
}

#[derive(Sequence)]
struct TimeStampRequest {
    version: u8,
    message_imprint: MessageImprint,
    cert_req: bool,
}

#[derive(Sequence)]
struct StatusInfo {
    status: u8,
    #[asn1(optional = "true")]
    text: Option<der::Any>,
    #[asn1(optional = "true")]
    fail_info: Option<der::Any>,
}

#[derive(Sequence)]
struct TimeStampResponse {
    status: StatusInfo,
    #[asn1(optional = "true")]
    token: Option<der::Any>,
}

/// The time-stamp token (a CMS ContentInfo, DER) of the authority at `url` over a SHA-256
/// `imprint`.
pub fn token(url: &str, imprint: &[u8]) -> Result<Vec<u8>, String> {
    let request = request(imprint)
        .and_then(|r| r.to_der())
        .map_err(|e| e.to_string())?;
    let reply = post(url, &request)?;
    let response = TimeStampResponse::from_der(&reply)
        .map_err(|e| format!("the time-stamp authority's reply cannot be read: {e}"))?;
    // 0 granted, 1 granted with modifications.
    if response.status.status > 1 {
        return Err(format!(
            "the time-stamp authority refused (status {})",
            response.status.status
        ));
    }
    let token = response
        .token
        .ok_or("the time-stamp authority sent no token")?;
    token.to_der().map_err(|e| e.to_string())
}

/// A request for a token over the SHA-256 `imprint`, with the authority's certificate.
fn request(imprint: &[u8]) -> der::Result<TimeStampRequest> {
    Ok(TimeStampRequest {
        version: 1,
        message_imprint: MessageImprint {
            algorithm: spki::AlgorithmIdentifierOwned {
                oid: ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1"),
                parameters: None,
            },
            hashed_message: OctetString::new(imprint)?,
        },
        cert_req: true,
    })
}

/// POSTs `body` to the `http://` address `url` and gives the reply's body.
fn post(url: &str, body: &[u8]) -> Result<Vec<u8>, String> {
    let rest = url.strip_prefix("http://").ok_or(
        "give the time-stamp authority's http:// address: a token is signed by the authority, \
         so it travels without TLS",
    )?;
    let (host_port, path) = rest
        .split_once('/')
        .map_or((rest, "/".to_owned()), |(h, p)| (h, format!("/{p}")));
    let address = if host_port.contains(':') {
        host_port.to_owned()
    } else {
        format!("{host_port}:80")
    };
    let unreachable =
        |e: &dyn std::fmt::Display| format!("cannot reach the time-stamp authority {url}: {e}");
    let socket = address
        .to_socket_addrs()
        .map_err(|e| unreachable(&e))?
        .next()
        .ok_or_else(|| unreachable(&"no address"))?;
    let mut stream = TcpStream::connect_timeout(&socket, TIMEOUT).map_err(|e| unreachable(&e))?;
    stream
        .set_read_timeout(Some(TIMEOUT))
        .map_err(|e| unreachable(&e))?;
    let host = host_port.split(':').next().unwrap_or(host_port);
    let head = format!(
        "POST {path} HTTP/1.0\r\nHost: {host}\r\nContent-Type: application/timestamp-query\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(body))
        .map_err(|e| unreachable(&e))?;
    let mut reply = Vec::new();
    stream
        .take(MAX_REPLY_BYTES)
        .read_to_end(&mut reply)
        .map_err(|e| unreachable(&e))?;
    let split = reply
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("the time-stamp authority's reply is not HTTP")?;
    let head = String::from_utf8_lossy(&reply[..split]);
    let status = head.lines().next().unwrap_or_default();
    if status.split_whitespace().nth(1) != Some("200") {
        return Err(format!("the time-stamp authority answered {status}"));
    }
    Ok(reply[split + 4..].to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_http_address_is_asked() {
        let error = token("https://tsa.example/", &[0; 32]).unwrap_err();
        assert!(error.contains("http:// address"), "{error}");
    }

    #[test]
    fn the_request_asks_for_the_authoritys_certificate_over_a_sha_256_imprint() {
        let request = request(&[7; 32]).expect("a request");
        let der = request.to_der().expect("encodes");
        // SEQUENCE { INTEGER 1, SEQUENCE { SEQUENCE { OID sha256 }, OCTET STRING }, TRUE }
        assert_eq!(&der[..5], &[0x30, 0x37, 0x02, 0x01, 0x01]);
        assert!(der.ends_with(&[0x01, 0x01, 0xFF]));
    }
}
