//! Queries and paging. A read that Cassandra aborts is an outcome to show,
//! not a bad input, so it returns Ok and records the failure.

use super::super::action::Action;
use super::super::error::{check_range, Error};
use super::super::input::Input;
use super::super::store::{PagingState, QueryOutcome, QuerySpec, MAX_PAGE_SIZE};
use super::{Outcome, Playground};

impl Playground {
    pub(super) fn apply_read(&mut self, action: &Action) -> Result<(), Error> {
        match action {
            Action::Query {
                channel,
                limit,
                before,
            } => {
                let spec = QuerySpec {
                    channel: *channel,
                    limit: *limit,
                    before: *before,
                };
                self.run_query(spec, None)
            }
            Action::NextPage => {
                let (Some(spec), Some(state)) =
                    (self.last_query.clone(), self.paging_state.clone())
                else {
                    return Err(Error::NoQueryToPage);
                };
                self.run_query(spec, Some(state))
            }
            Action::ResumePage { paging_state } => {
                let ps = PagingState::decode(paging_state)?;
                let spec = QuerySpec {
                    channel: ps.channel,
                    limit: ps.limit,
                    before: ps.before,
                };
                self.run_query(spec, Some(paging_state.trim().to_string()))
            }
            Action::SetPageSize(n) => {
                check_range(Input::PageSize, *n as u64, 1, MAX_PAGE_SIZE as u64)?;
                self.page_size = *n;
                Ok(())
            }
            _ => Ok(()),
        }
    }

    fn run_query(&mut self, spec: QuerySpec, state: Option<String>) -> Result<(), Error> {
        let repair_ts = (self.now_ms as i64 * 1000).max(self.last_ts + 1);
        let out = self.store.query(
            &spec,
            self.page_size,
            state.as_deref(),
            self.now_ms,
            repair_ts,
        )?;
        let size = self.store.config().bucket;
        match out {
            QueryOutcome::Page(page) => {
                for st in &page.statements {
                    self.log_cql(st.clone());
                }
                if page.statements_omitted > 0 {
                    self.log_cql(format!(
                        "-- ... and {} more SELECTs of empty buckets",
                        page.statements_omitted
                    ));
                }
                for id in &page.corrupt_deleted {
                    self.log_cql(super::super::cql::delete_row_statement(
                        spec.channel,
                        size.bucket(*id),
                        *id,
                        repair_ts,
                    ));
                }
                if !page.corrupt_deleted.is_empty() {
                    self.next_ts();
                }
                self.paging_state = page.paging_state.clone();
                self.outcome = Outcome::Page(page);
            }
            QueryOutcome::Failed(f) => {
                for st in &f.page.statements {
                    self.log_cql(st.clone());
                }
                self.paging_state = None;
                self.outcome = Outcome::ReadFailed(f);
            }
        }
        self.show_read(spec.clone(), state);
        self.last_query = Some(spec);
        Ok(())
    }
}
