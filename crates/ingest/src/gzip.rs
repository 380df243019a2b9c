//! Gzip, decompressed as a stream. Concatenated members (as in `.warc.gz`, one member per
//! record) are read as one stream.
//!
//! Decoder errors are marked so that readers can tell "the compressed stream ends early"
//! ([`crate::IngestError::Truncated`]) and "the compressed data is corrupt"
//! ([`crate::IngestError::Corrupt`]) from other I/O errors.
//!
//! A decompression bomb (a small stream that expands without end) is stopped once the output
//! passes [`crate::ReadOptions::bomb_floor_bytes`] and is more than
//! [`crate::ReadOptions::max_gzip_ratio`] times the compressed bytes read
//! ([`crate::IngestError::DecompressionBomb`]). News text compresses 3 to 10 times; a bomb
//! about 1,000 times.

use std::io::{self, Read};

use flate2::read::MultiGzDecoder;

/// The error inside the `io::Error` of a stream stopped as a decompression bomb.
#[derive(Debug, thiserror::Error)]
#[error("{decompressed_bytes} bytes out of {compressed_bytes} compressed")]
pub(crate) struct BombStopped {
    pub compressed_bytes: u64,
    pub decompressed_bytes: u64,
}

/// A reader that counts the bytes read through it.
struct Counting<R> {
    inner: R,
    bytes: u64,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
}

/// When a stream counts as a bomb.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BombLimit {
    /// Output below this many bytes is never a bomb.
    pub floor_bytes: u64,
    /// The largest ratio of output to compressed input past the floor.
    pub max_ratio: u64,
}

/// A gzip decoding failure, wrapped in the `io::Error` that reading returns.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct GzipFailure(pub io::Error);

/// A reader of the decompressed bytes of a gzip stream.
pub(crate) struct GzipReader<R: Read> {
    decoder: MultiGzDecoder<Counting<R>>,
    limit: BombLimit,
    out_bytes: u64,
}

impl<R: Read> GzipReader<R> {
    pub(crate) fn new(reader: R, limit: BombLimit) -> Self {
        GzipReader {
            decoder: MultiGzDecoder::new(Counting {
                inner: reader,
                bytes: 0,
            }),
            limit,
            out_bytes: 0,
        }
    }
}

impl<R: Read> Read for GzipReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.decoder.read(buf).map_err(|e| {
            if e.kind() == io::ErrorKind::Interrupted {
                e
            } else {
                io::Error::new(e.kind(), GzipFailure(e))
            }
        })?;
        self.out_bytes += n as u64;
        let in_bytes = self.decoder.get_ref().bytes.max(1);
        if self.out_bytes > self.limit.floor_bytes
            && self.out_bytes / in_bytes > self.limit.max_ratio
        {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                BombStopped {
                    compressed_bytes: in_bytes,
                    decompressed_bytes: self.out_bytes,
                },
            ));
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use flate2::Compression;
    use flate2::write::GzEncoder;

    use super::*;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    fn read_all(compressed: &[u8], limit: BombLimit) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        GzipReader::new(compressed, limit).read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn a_stream_that_expands_past_the_ratio_is_stopped_after_the_floor() {
        let zeros = gzip(&vec![0u8; 4 << 20]);
        let limit = BombLimit {
            floor_bytes: 1 << 20,
            max_ratio: 100,
        };
        let err = read_all(&zeros, limit).unwrap_err();
        let stopped = err
            .get_ref()
            .and_then(|e| e.downcast_ref::<BombStopped>())
            .expect("stopped as a bomb");
        assert!(stopped.decompressed_bytes > limit.floor_bytes);
        assert!(stopped.decompressed_bytes < 4 << 20, "stopped early");
        // The same stream under a floor above its size, or a ratio above its own, is read.
        let high_floor = BombLimit {
            floor_bytes: 8 << 20,
            max_ratio: 100,
        };
        assert_eq!(read_all(&zeros, high_floor).unwrap().len(), 4 << 20);
        let high_ratio = BombLimit {
            floor_bytes: 1 << 20,
            max_ratio: 10_000,
        };
        assert_eq!(read_all(&zeros, high_ratio).unwrap().len(), 4 << 20);
    }

    #[test]
    fn text_that_compresses_like_text_is_read_whole() {
        let text: String = (0..200_000)
            .map(|i| {
                format!(
                    "Report {i}: gunmen attacked checkpoint {} at dawn.\n",
                    i * 7919 % 1000
                )
            })
            .collect();
        let limit = BombLimit {
            floor_bytes: 1 << 20,
            max_ratio: 100,
        };
        let out = read_all(&gzip(text.as_bytes()), limit).unwrap();
        assert_eq!(out, text.as_bytes());
    }
}
