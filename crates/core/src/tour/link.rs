//! Links to a place in a tour: `#/<topic>?tour=<tour-id>&step=<n>`, with `n`
//! counted from 1 as readers count steps. A blog post embeds "step 3 of the
//! zombie tour" this way, and a teacher hands out one link per exercise.
//! Pure, so the rules (unknown tours, steps past the end) are tested natively.

/// A tour and a step, as a link or `mount`'s options ask for them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TourLink {
    pub id: String,
    /// From 1.
    pub step: usize,
}

/// Where a link lands: the tour's index among the topic's tours and its step
/// (from 0), with a note for the reader when the link asked for more than
/// there is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Landing {
    pub tour: usize,
    pub step: usize,
    pub note: Option<String>,
}

/// The address of a tour's step on the topic's page.
pub fn tour_link(base: &str, topic: &str, tour: &str, step: usize) -> String {
    let base = base.split('#').next().unwrap_or(base);
    format!("{base}#/{topic}?tour={tour}&step={step}")
}

impl TourLink {
    /// Finds the tour among `titles` (each tour's id and title, in menu
    /// order). The step is checked once the tour's length is known
    /// (`Landing::clamp`): the titles arrive before the tours do.
    pub fn find(&self, titles: &[(&str, &str)]) -> Result<Landing, String> {
        let tour = titles
            .iter()
            .position(|(id, _)| *id == self.id)
            .ok_or_else(|| {
                let ids: Vec<&str> = titles.iter().map(|(id, _)| *id).collect();
                format!(
                    "This link asks for a tour called “{}”, which this panel does not have. Its tours: {}.",
                    clip(&self.id),
                    ids.join(", ")
                )
            })?;
        Ok(Landing {
            tour,
            step: self.step.max(1) - 1,
            note: None,
        })
    }
}

impl Landing {
    /// Keeps the step inside a tour of `len` steps, saying so when the link
    /// asked for a step past its end.
    pub fn clamp(self, title: &str, len: usize) -> Landing {
        let last = len.saturating_sub(1);
        if self.step <= last {
            return self;
        }
        Landing {
            step: last,
            note: Some(format!(
                "“{title}” has {len} steps, so the link's step {} opens its last one.",
                self.step + 1
            )),
            ..self
        }
    }
}

/// A hostile link may carry a long id; the message quotes its start only.
fn clip(id: &str) -> String {
    const MAX: usize = 40;
    match id.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", &id[..at]),
        None => id.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TITLES: &[(&str, &str)] = &[("margin", "The margin"), ("kernels", "Kernels")];

    fn link(id: &str, step: usize) -> TourLink {
        TourLink {
            id: id.into(),
            step,
        }
    }

    #[test]
    fn finds_the_tour_and_counts_steps_from_one() {
        let landing = link("kernels", 3).find(TITLES).unwrap();
        assert_eq!((landing.tour, landing.step, landing.note), (1, 2, None));
        // Step 0 is not a step a reader counts; it opens the first.
        assert_eq!(link("margin", 0).find(TITLES).unwrap().step, 0);
    }

    #[test]
    fn an_unknown_tour_names_the_tours_there_are() {
        let why = link("zombie", 1).find(TITLES).unwrap_err();
        assert!(
            why.contains("“zombie”") && why.contains("margin, kernels"),
            "{why}"
        );
        let long = "x".repeat(5000);
        let why = link(&long, 1).find(TITLES).unwrap_err();
        assert!(
            why.len() < 200,
            "a hostile id is quoted short: {}",
            why.len()
        );
    }

    #[test]
    fn a_step_past_the_end_opens_the_last_with_a_note() {
        let landing = link("margin", 9)
            .find(TITLES)
            .unwrap()
            .clamp("The margin", 4);
        assert_eq!(landing.step, 3);
        assert!(landing.note.unwrap().contains("has 4 steps"));
        let inside = link("margin", 4)
            .find(TITLES)
            .unwrap()
            .clamp("The margin", 4);
        assert_eq!((inside.step, inside.note), (3, None));
    }

    #[test]
    fn links_name_the_topic_page_and_replace_any_hash() {
        assert_eq!(
            tour_link("https://h/site/#/svm?s=1.x", "svm", "kernels", 1),
            "https://h/site/#/svm?tour=kernels&step=1"
        );
    }
}
