//! What NAT costs a month under the two designs the article weighs: one NAT
//! gateway shared by every AZ, or one per AZ. Money is whole micro-dollars
//! (µ$), so the module needs no float parsing or formatting code.
//!
//! Charges (Amazon VPC pricing, https://aws.amazon.com/vpc/pricing/, NAT
//! gateway, US East (N. Virginia)): $0.045 per NAT-gateway hour and $0.045
//! per GB processed. Traffic between AZs in a region (EC2 on-demand pricing,
//! "Data transfer within the same AWS Region") is $0.01 per GB in each
//! direction, billed on both sides: $0.02 for each GB that crosses.

/// Hours AWS bills in a month (its pricing pages use 730).
pub const HOURS_PER_MONTH: u64 = 730;
const MICROS_PER_DOLLAR: u64 = 1_000_000;
/// A price above this is refused as a typo ($1000 per hour or per GB).
const MAX_PRICE: u64 = 1_000 * MICROS_PER_DOLLAR;
/// Traffic above this per AZ (10 PB a month) is refused as a typo.
pub const MAX_GB_PER_AZ: u64 = 10_000_000;

/// Prices in µ$.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NatPrices {
    pub per_hour: u64,
    pub per_gb: u64,
    /// Per GB that crosses between AZs (both sides' charges together).
    pub cross_az_per_gb: u64,
}

/// us-east-1 list prices (see the module comment for the sources).
pub const US_EAST_1: NatPrices = NatPrices {
    per_hour: 45_000,
    per_gb: 45_000,
    cross_az_per_gb: 20_000,
};

/// One design's monthly bill, in µ$.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DesignCost {
    pub nat_gateways: u64,
    pub hourly: u64,
    pub processing: u64,
    pub cross_az: u64,
}

impl DesignCost {
    pub fn total(&self) -> u64 {
        self.hourly
            .saturating_add(self.processing)
            .saturating_add(self.cross_az)
    }
}

/// One NAT gateway for `azs` AZs each sending `gb_per_az` GB a month: one
/// gateway's hours, all traffic processed, and every AZ but the NAT's own
/// crossing to reach it.
pub fn shared_nat(azs: u64, gb_per_az: u64, p: NatPrices) -> DesignCost {
    let gb = azs.saturating_mul(gb_per_az);
    DesignCost {
        nat_gateways: 1,
        hourly: HOURS_PER_MONTH.saturating_mul(p.per_hour),
        processing: gb.saturating_mul(p.per_gb),
        cross_az: azs
            .saturating_sub(1)
            .saturating_mul(gb_per_az)
            .saturating_mul(p.cross_az_per_gb),
    }
}

/// A NAT gateway in each AZ: more hours, the same processing, no crossing.
pub fn nat_per_az(azs: u64, gb_per_az: u64, p: NatPrices) -> DesignCost {
    DesignCost {
        nat_gateways: azs,
        hourly: azs
            .saturating_mul(HOURS_PER_MONTH)
            .saturating_mul(p.per_hour),
        processing: azs.saturating_mul(gb_per_az).saturating_mul(p.per_gb),
        cross_az: 0,
    }
}

/// Monthly traffic per AZ at which both designs cost the same, in whole GB
/// (rounded up): the extra gateways' hours over the crossing charge per GB.
pub fn break_even_gb(azs: u64, p: NatPrices) -> Option<u64> {
    if azs < 2 || p.cross_az_per_gb == 0 {
        return None;
    }
    let extra_hours = (azs - 1)
        .saturating_mul(HOURS_PER_MONTH)
        .saturating_mul(p.per_hour);
    let per_gb = (azs - 1).saturating_mul(p.cross_az_per_gb);
    Some(extra_hours.div_ceil(per_gb))
}

/// Reads a dollar amount such as "0.045" or "$0.045" (up to six decimals).
pub fn parse_price(input: &str) -> Result<u64, String> {
    let text = input.trim();
    let digits = text.strip_prefix('$').unwrap_or(text);
    let bad = || {
        format!(
            "\"{}\" is not a price: type dollars such as 0.045 (up to 6 decimals, at most 1000).",
            super::cidr::clip(text)
        )
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && frac.is_empty()
        || whole.len() > 4
        || frac.len() > 6
        || !all_digits(whole)
        || !all_digits(frac)
    {
        return Err(bad());
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| bad())?
    };
    let frac_micros: u64 = format!("{frac:0<6}").parse().map_err(|_| bad())?;
    let micros = whole * MICROS_PER_DOLLAR + frac_micros;
    if micros > MAX_PRICE {
        return Err(bad());
    }
    Ok(micros)
}

/// Reads whole GB a month per AZ.
pub fn parse_gb(input: &str) -> Result<u64, String> {
    let text = input.trim();
    match text.parse::<u64>() {
        Ok(gb) if gb <= MAX_GB_PER_AZ => Ok(gb),
        _ => Err(format!(
            "\"{}\" is not a traffic figure: type whole GB a month, 0 to {MAX_GB_PER_AZ}.",
            super::cidr::clip(text)
        )),
    }
}

/// µ$ as dollars and cents, rounded to the nearest cent: "$1,234.56".
pub fn dollars(micros: u64) -> String {
    let cents = micros.saturating_add(5_000) / 10_000;
    let whole = techshack_core::sketch::grouped(cents / 100, ',');
    format!("${whole}.{:02}", cents % 100)
}
