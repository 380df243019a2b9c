#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sitrep_fuzzing::query_params(data));
