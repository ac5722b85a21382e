//! libsvm model files on any text: an accepted model writes back to text
//! that parses to a model writing the same text, and predicts without panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use topic_svm::model::ModelFile;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(m) = ModelFile::parse(text) else {
        return;
    };
    let _ = m.predict([0.0, 0.0]);
    let _ = m.decision_values([1.5, -2.0]);
    let written = m.to_text();
    let back = ModelFile::parse(&written)
        .unwrap_or_else(|e| panic!("the written model does not parse: {e}\n{written}"));
    assert_eq!(
        back.to_text(),
        written,
        "writing the parsed model changes it"
    );
});
