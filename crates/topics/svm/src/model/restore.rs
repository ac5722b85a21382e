//! Restoring a link trains with bounded work (issue 15). A link may hold
//! 5 000 points in 10 classes at C = 10⁶, which trains for tens of seconds;
//! so a restore spends at most `RESTORE_BUDGET` on training and, if the run
//! is not done by then, hands it to the view as a run in chunks (with its
//! progress bar) instead of freezing the page before its first paint.

use super::error::SvmError;
use super::kernel::KernelSpec;
use super::playground::Playground;
use super::points::Point;
use super::presets::Preset;
use super::status::Status;
use super::stepping::StepSession;
use super::train::TrainingRun;

/// Work a restore may do before the first paint, in SMO iterations times
/// points (an iteration's kernel columns are as long as its pair). About
/// 5 ms natively, 10–15 ms in the browser.
pub const RESTORE_BUDGET: usize = 2_000_000;

impl Playground {
    pub(super) fn restore(
        points: Vec<Point>,
        origin: Option<(Preset, u64)>,
        kernel: KernelSpec,
        c: f64,
    ) -> Result<Self, SvmError> {
        let iterations = RESTORE_BUDGET / points.len().max(1);
        let mut pg = Playground::new(points, origin, kernel, c);
        let run = match TrainingRun::new(&pg.points, &pg.params(), &[]) {
            Ok(run) => run,
            Err(e @ (SvmError::EmptyData | SvmError::SingleClass { .. })) => {
                pg.status = Status::Waiting(e);
                return Ok(pg);
            }
            Err(e) => return Err(e),
        };
        let mut session = StepSession::in_chunks(run);
        let budget = u32::try_from(iterations).unwrap_or(u32::MAX);
        match session.advance(budget) {
            Some(fit) => pg.install(fit),
            None => {
                let (iterations, gap) = session.progress();
                pg.status = Status::Stepping { iterations, gap };
                pg.stepping = Some(session);
            }
        }
        Ok(pg)
    }
}
