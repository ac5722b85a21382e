//! The numbers the topic page's story (`story.html`) shows, and the one it
//! lets the reader scrub: the client's ephemeral port.

use super::action::Action;
use super::playground::Playground;

pub fn values(pg: &Playground) -> Vec<(&'static str, f64)> {
    let s = pg.stats();
    vec![
        ("subnets", s.subnets as f64),
        ("public_subnets", s.public_subnets as f64),
        ("nat_gateways", s.nat_gateways as f64),
        ("failed_azs", s.failed_azs as f64),
        ("blackhole_routes", s.blackhole_routes as f64),
        ("ephemeral_port", pg.ephemeral_port() as f64),
    ]
}

pub fn set(key: &str, value: f64) -> Option<Action> {
    (key == "ephemeral_port" && (0.0..=65_535.0).contains(&value)).then(|| {
        Action::SetEphemeralPort {
            port: value.round() as u32,
        }
    })
}
