//! "Your turn": a tour of tasks. The reader works the panel until the model
//! says the goal holds (`goals`); "Do it for me" applies the solution.

use techshack_core::tour;

use super::super::action::Action;
use super::super::goals::{EVERY_CIRCLE_POINT_RIGHT, THREE_SUPPORT_VECTORS};
use super::super::kernel::KernelKind;
use super::super::playground::Playground;
use super::super::presets::Preset;
use super::Scripted;

pub(super) fn tour() -> Scripted {
    tour::Script::<Playground>::new("your-turn", "Your turn: shape the street")
        .seed("C sets how many points hold the street up; the kernel sets the street's shape.")
        .task(
            "Forty points in two clouds, a linear kernel and C = 1: six support vectors hold the street up. Find a C that leaves exactly three.",
            vec![
                Action::LoadPreset { preset: Preset::BlobsSeparable, seed: 1 },
                Action::SetKernel(KernelKind::Linear),
                Action::SetC(1.0),
            ],
            THREE_SUPPORT_VECTORS,
            "A larger C makes every point inside the street expensive, so fewer points hold it up: try 10 or more.",
            vec![Action::SetC(10.0)],
        )
        .task(
            "A ring around a disc, and a straight line: a good part of the 120 points land on the wrong side. Make every one of them land right, without deleting any.",
            vec![
                Action::LoadPreset { preset: Preset::Circles, seed: 1 },
                Action::SetKernel(KernelKind::Linear),
            ],
            EVERY_CIRCLE_POINT_RIGHT,
            "No straight line separates a ring from a disc. Pick a kernel whose boundary can bend, such as RBF.",
            vec![Action::SetKernel(KernelKind::Rbf)],
        )
        .step(
            "C sets how many points the street rests on; the kernel sets what shape the street may take. The other tours show why.",
            vec![],
        )
        .finish()
}
