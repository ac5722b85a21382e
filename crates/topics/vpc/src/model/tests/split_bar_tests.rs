//! The split bar's rules: halves down to /28, joins of buddies only, and
//! segments that always tile the block (AWS VPC User Guide, "Subnet CIDR
//! blocks": subnets are /16 to /28).

use proptest::prelude::*;

use super::super::*;
use super::support::cidr;

fn texts(bar: &SplitBar) -> Vec<String> {
    bar.segments().iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_new_bar_is_the_whole_block_rounded_to_its_network() {
    let bar = SplitBar::new(cidr("10.0.1.7/24"));
    assert_eq!(texts(&bar), ["10.0.1.0/24"]);
    assert_eq!(bar.selected(), 0);
    assert!(!bar.can_undo());
}

#[test]
fn a_split_gives_two_halves_and_keeps_the_lower_one_selected() {
    let mut bar = SplitBar::new(cidr("10.0.0.0/24"));
    bar.split().unwrap();
    assert_eq!(texts(&bar), ["10.0.0.0/25", "10.0.0.128/25"]);
    bar.split().unwrap();
    assert_eq!(
        texts(&bar),
        ["10.0.0.0/26", "10.0.0.64/26", "10.0.0.128/25"]
    );
    assert_eq!(bar.selected(), 0);
}

#[test]
fn a_28_is_not_split_because_aws_subnets_stop_at_28() {
    let mut bar = SplitBar::new(cidr("10.0.0.0/27"));
    bar.split().unwrap();
    let before = bar.clone();
    let refusal = bar.split().unwrap_err();
    assert_eq!(refusal, SplitRefusal::BelowSmallest(cidr("10.0.0.0/28")));
    assert!(refusal.message().contains("smallest subnet is /28"));
    assert_eq!(bar, before, "a refusal changes nothing");
}

#[test]
fn joining_the_whole_block_is_refused() {
    let mut bar = SplitBar::new(cidr("10.0.0.0/16"));
    let refusal = bar.join().unwrap_err();
    assert_eq!(refusal, SplitRefusal::WholeBlock(cidr("10.0.0.0/16")));
    assert!(refusal.message().contains("whole block"));
}

#[test]
fn a_join_needs_the_sibling_whole() {
    let mut bar = SplitBar::new(cidr("10.0.0.0/24"));
    bar.split().unwrap();
    bar.split().unwrap(); // /26 /26 /25
    bar.select(2);
    let refusal = bar.join().unwrap_err();
    assert_eq!(
        refusal,
        SplitRefusal::SiblingSplit {
            segment: cidr("10.0.0.128/25"),
            sibling: cidr("10.0.0.0/25"),
        }
    );
    assert!(refusal.message().contains("sibling 10.0.0.0/25 is split"));
    // Neighbours that are not buddies do not join: .64/26 and .128/25.
    bar.select(1);
    bar.join().unwrap();
    assert_eq!(texts(&bar), ["10.0.0.0/25", "10.0.0.128/25"]);
    assert_eq!(bar.selected(), 0, "the joined block is selected");
    bar.select(1);
    bar.join().unwrap();
    assert_eq!(texts(&bar), ["10.0.0.0/24"]);
}

#[test]
fn undo_and_reset_walk_back() {
    let mut bar = SplitBar::new(cidr("10.0.0.0/24"));
    assert!(!bar.undo());
    bar.split().unwrap();
    bar.select(1);
    bar.split().unwrap();
    let three = bar.clone();
    bar.reset();
    assert_eq!(texts(&bar), ["10.0.0.0/24"]);
    assert!(bar.undo());
    assert_eq!(bar.segments(), three.segments());
    assert_eq!(bar.selected(), 1);
    assert!(bar.undo());
    assert_eq!(texts(&bar), ["10.0.0.0/25", "10.0.0.128/25"]);
}

#[test]
fn select_is_clamped_to_the_last_segment() {
    let mut bar = SplitBar::new(cidr("10.0.0.0/24"));
    bar.select(usize::MAX);
    assert_eq!(bar.selected(), 0);
}

#[derive(Clone, Debug)]
enum Op {
    Select(usize),
    Split,
    Join,
    Undo,
    Reset,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        2 => (0usize..40).prop_map(Op::Select),
        3 => Just(Op::Split),
        2 => Just(Op::Join),
        1 => Just(Op::Undo),
        1 => Just(Op::Reset),
    ]
}

/// The segments are sorted, touch, cover the block and are aligned CIDRs
/// from the block's size down to /28.
fn assert_tiles(bar: &SplitBar) -> Result<(), TestCaseError> {
    let b = bar.block();
    let mut next = u64::from(u32::from(b.network()));
    for s in bar.segments() {
        prop_assert_eq!(*s, s.trunc(), "aligned");
        prop_assert!(b.contains(s), "inside");
        prop_assert!(
            s.prefix_len() >= b.prefix_len() && s.prefix_len() <= MAX_PREFIX.max(b.prefix_len())
        );
        prop_assert_eq!(
            u64::from(u32::from(s.network())),
            next,
            "touching, no overlap"
        );
        next += total_addresses(*s);
    }
    prop_assert_eq!(next, u64::from(u32::from(b.network())) + total_addresses(b));
    prop_assert!(bar.selected() < bar.segments().len());
    Ok(())
}

proptest! {
    #[test]
    fn segments_always_tile_the_block(prefix in MIN_PREFIX..=MAX_PREFIX, base in any::<u32>(),
                                      ops in prop::collection::vec(op(), 0..60)) {
        let mut bar = SplitBar::new(ipnet::Ipv4Net::new(base.into(), prefix).unwrap());
        for op in ops {
            let before = bar.clone();
            let changed = match op {
                Op::Select(i) => { bar.select(i); false }
                Op::Split => bar.split().is_ok(),
                Op::Join => bar.join().is_ok(),
                Op::Undo => { bar.undo(); false }
                Op::Reset => { bar.reset(); false }
            };
            assert_tiles(&bar)?;
            if changed {
                // Every split or join is taken back exactly by undo.
                let mut back = bar.clone();
                prop_assert!(back.undo());
                prop_assert_eq!(back.segments(), before.segments());
                prop_assert_eq!(back.selected(), before.selected());
            }
        }
    }

    #[test]
    fn a_split_then_a_join_is_the_segment_again(prefix in MIN_PREFIX..MAX_PREFIX, base in any::<u32>(),
                                                pick in 0usize..8, side in 0usize..2) {
        let mut bar = SplitBar::new(ipnet::Ipv4Net::new(base.into(), prefix).unwrap());
        for _ in 0..3 { let _ = bar.split(); }
        bar.select(pick);
        let before = bar.segments().to_vec();
        if bar.split().is_ok() {
            bar.select(bar.selected() + side);
            prop_assert!(bar.join().is_ok());
            prop_assert_eq!(bar.segments(), &before[..]);
        }
    }
}
