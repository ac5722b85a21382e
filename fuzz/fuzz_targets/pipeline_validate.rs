//! The pipeline editor's validator on any bytes and text: every error has a
//! place in the text and a message; a valid config has a dependency order
//! that lists each target once, after its dependencies.
#![no_main]

use libfuzzer_sys::fuzz_target;
use topic_pipeline::model::{validate_bytes, validate_str};

fuzz_target!(|data: &[u8]| {
    let _ = validate_bytes(data);
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match validate_str(text) {
        Ok(p) => {
            let order = p.order();
            assert_eq!(order.len(), p.len(), "the order lists every target");
            let mut seen = vec![false; p.len()];
            for &i in order {
                assert!(!seen[i], "target {i} twice in the order");
                for &d in p.deps(i) {
                    assert!(seen[d], "target {i} ordered before its dependency {d}");
                }
                seen[i] = true;
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "refused without a reason");
            let lines = text.split('\n').count() as u32;
            for e in &errors {
                assert!(
                    e.pos.line >= 1 && e.pos.line <= lines && e.pos.column >= 1,
                    "{e:?} is outside the text ({lines} lines)"
                );
                let _ = e.to_string();
            }
        }
    }
});
