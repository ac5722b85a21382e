//! Native tests of the model against libsvm's behaviour and the panel's rules.

mod bad_input;
mod dual;
mod fixtures;
mod kkt;
mod model_io;
mod multiclass;
mod playground;
mod restore;
mod results;
mod stepping;
mod timing;
mod tour_frozen;
mod tour_replay;
mod warm_start;
