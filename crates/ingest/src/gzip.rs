//! Gzip, decompressed as a stream. Concatenated members (as in `.warc.gz`, one member per
//! record) are read as one stream.
//!
//! Decoder errors are marked so that readers can tell "the compressed stream ends early"
//! ([`crate::IngestError::Truncated`]) and "the compressed data is corrupt"
//! ([`crate::IngestError::Corrupt`]) from other I/O errors.

use std::io::{self, Read};

use flate2::read::MultiGzDecoder;

/// A gzip decoding failure, wrapped in the `io::Error` that reading returns.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct GzipFailure(pub io::Error);

/// A reader of the decompressed bytes of a gzip stream.
pub(crate) struct GzipReader<R: Read> {
    decoder: MultiGzDecoder<R>,
}

impl<R: Read> GzipReader<R> {
    pub(crate) fn new(reader: R) -> Self {
        GzipReader {
            decoder: MultiGzDecoder::new(reader),
        }
    }
}

impl<R: Read> Read for GzipReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.decoder.read(buf).map_err(|e| {
            if e.kind() == io::ErrorKind::Interrupted {
                e
            } else {
                io::Error::new(e.kind(), GzipFailure(e))
            }
        })
    }
}
