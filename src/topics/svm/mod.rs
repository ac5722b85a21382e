//! Support vector machines with an exact SMO solver.
super::placeholder::placeholder_topic!(
    "svm",
    "Live SVM margin visualizer",
    "Click to add points and watch an exact SMO solver draw the boundary, the margins and the support vectors.",
    "📈"
);
