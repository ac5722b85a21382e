//! Where a value sits on a parameter slider, and back. A log scale spreads
//! 10^min..10^max evenly by decade. A signed log scale (for coef0, which may
//! be zero or negative) runs −10^max..10^max: one linear step either side of
//! zero up to ±10^min, then a decade per step.

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SliderScale {
    pub min_exp: f64,
    pub max_exp: f64,
    pub signed: bool,
}

impl SliderScale {
    /// The slider's own range.
    pub fn bounds(self) -> (f64, f64) {
        if self.signed {
            let end = self.max_exp - self.min_exp + 1.0;
            (-end, end)
        } else {
            (self.min_exp, self.max_exp)
        }
    }

    /// The slider position that shows `v` (clamped to the slider's range).
    pub fn position(self, v: f64) -> f64 {
        let (lo, hi) = self.bounds();
        let p = if !self.signed {
            v.log10()
        } else {
            let step = 10f64.powf(self.min_exp);
            if v.abs() <= step {
                v / step
            } else {
                v.signum() * (v.abs().log10() - self.min_exp + 1.0)
            }
        };
        if p.is_nan() {
            lo
        } else {
            p.clamp(lo, hi)
        }
    }

    /// The value at slider position `p`, to four significant digits (one
    /// more than the readout shows), so a slide does not set 0.0123456789.
    pub fn value_at(self, p: f64) -> f64 {
        let v = if !self.signed {
            10f64.powf(p)
        } else if p.abs() <= 1.0 {
            p * 10f64.powf(self.min_exp)
        } else {
            p.signum() * 10f64.powf(self.min_exp + p.abs() - 1.0)
        };
        format!("{v:.3e}").parse().unwrap_or(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const LOG: SliderScale = SliderScale {
        min_exp: -3.0,
        max_exp: 3.0,
        signed: false,
    };
    const SIGNED: SliderScale = SliderScale {
        min_exp: -2.0,
        max_exp: 2.0,
        signed: true,
    };

    #[test]
    fn a_log_scale_spreads_decades_evenly() {
        assert_eq!(LOG.bounds(), (-3.0, 3.0));
        assert_eq!(LOG.position(10.0), 1.0);
        assert_eq!(LOG.value_at(-2.0), 0.01);
        assert_eq!(LOG.position(1e9), 3.0, "clamped");
        assert_eq!(LOG.position(0.0), -3.0, "log of 0 is the low end");
    }

    #[test]
    fn a_signed_scale_passes_through_zero() {
        assert_eq!(SIGNED.bounds(), (-5.0, 5.0));
        assert_eq!(SIGNED.value_at(0.0), 0.0);
        assert_eq!(SIGNED.value_at(0.5), 0.005);
        assert_eq!(SIGNED.value_at(1.0), 0.01);
        assert_eq!(SIGNED.value_at(3.0), 1.0);
        assert_eq!(SIGNED.value_at(-5.0), -100.0);
        assert_eq!(SIGNED.position(-1.0), -3.0);
        assert_eq!(SIGNED.position(f64::NAN), -5.0);
    }

    proptest! {
        /// A value inside the range comes back from its position to within the
        /// three significant digits a slide keeps.
        #[test]
        fn positions_round_trip(p in -5.0f64..5.0, signed in any::<bool>()) {
            let scale = if signed { SIGNED } else { LOG };
            let (lo, hi) = scale.bounds();
            let p = p.clamp(lo, hi);
            let v = scale.value_at(p);
            let back = scale.value_at(scale.position(v));
            prop_assert!((back - v).abs() <= v.abs() * 1e-2 + 1e-12, "{p}: {v} then {back}");
        }
    }
}
