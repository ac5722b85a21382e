use super::*;
use proptest::prelude::*;

/// Reads the drawn SVG back into pixels (`scale` per module) and decodes it
/// with rqrr, an independent decoder: what a phone's camera would read.
fn decode(svg: &str, scale: usize) -> Result<String, String> {
    let size: usize = svg
        .split("viewBox=\"0 0 ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|s| s.parse().ok())
        .ok_or("no viewBox")?;
    let d = svg
        .split(" d=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .ok_or("no path")?;
    let mut dark = vec![false; size * size];
    for square in d.split('M').filter(|s| !s.is_empty()) {
        let xy = square.strip_suffix("h1v1h-1z").ok_or("not a unit square")?;
        let (x, y) = xy.split_once(' ').ok_or("no y")?;
        let (x, y): (usize, usize) = (x.parse().map_err(|_| "x")?, y.parse().map_err(|_| "y")?);
        dark[y * size + x] = true;
    }
    let px = size * scale;
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(px, px, |x, y| {
        if dark[(y / scale) * size + x / scale] {
            0
        } else {
            255
        }
    });
    let grids = img.detect_grids();
    let grid = grids.first().ok_or("no code found")?;
    grid.decode()
        .map(|(_, text)| text)
        .map_err(|e| e.to_string())
}

#[test]
fn a_panel_link_decodes_back_to_itself() {
    let link = "https://techshack.example/#/svm?s=2.AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8w";
    let svg = qr_svg(link).unwrap();
    assert_eq!(decode(&svg, 4).as_deref(), Ok(link));
    assert!(svg.contains("aria-label=\"QR code of https://techshack.example/#/svm?s=2."));
    assert!(
        svg.contains("fill=\"#fff\"") && svg.contains("fill=\"#000\""),
        "fixed colours, whatever the theme"
    );
}

#[test]
fn the_code_has_its_quiet_zone() {
    let svg = qr_svg("https://x.example/#/vpc").unwrap();
    // The smallest module coordinate drawn is the quiet zone's width.
    let d = svg.split(" d=\"").nth(1).unwrap();
    let min = d
        .split('M')
        .filter_map(|s| s.split(' ').next()?.parse::<usize>().ok())
        .min()
        .unwrap();
    assert_eq!(min, QUIET);
}

#[test]
fn a_link_too_long_says_so() {
    let err = qr_svg(&"a".repeat(4000)).unwrap_err();
    assert!(err.contains("too long") && err.contains("4000"), "{err}");
}

#[test]
fn labels_are_escaped() {
    let svg = qr_svg("https://x.example/#/a?b=\"<c>&d").unwrap();
    assert!(svg.contains("&quot;&lt;c&gt;&amp;d"));
    assert_eq!(
        decode(&svg, 3).as_deref(),
        Ok("https://x.example/#/a?b=\"<c>&d")
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn any_link_decodes_back(tail in "[A-Za-z0-9_.~=&?/-]{0,300}") {
        let link = format!("https://techshack.example/#/{tail}");
        let svg = qr_svg(&link).unwrap();
        prop_assert_eq!(decode(&svg, 3), Ok(link));
    }
}
