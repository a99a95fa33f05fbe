'use strict';

/**
 * Demo content for SEED_DEMO=1. Pure data: ids are explicit so that every fresh database gets the
 * same ids; seed.js turns the relative timings into timestamps with a fixed-seed PRNG.
 * `<@id>` in a text is a mention of that user (feature `mentions`), shown by clients as the name.
 */

const PASSWORD = 'studyconnect';

const USERS = [
  { id: 1, email: 'ada@studyconnect.test', firstName: 'Ada', lastName: 'Lovelace', role: 'student' },
  { id: 2, email: 'alan@studyconnect.test', firstName: 'Alan', lastName: 'Turing', role: 'student' },
  { id: 3, email: 'grace@studyconnect.test', firstName: 'Grace', lastName: 'Hopper', role: 'tutor' },
  { id: 4, email: 'linus@studyconnect.test', firstName: 'Linus', lastName: 'Torvalds', role: 'student' },
];

const ADA = 1, ALAN = 2, GRACE = 3, LINUS = 4;

const ROOMS = [
  {
    id: 1,
    name: 'Calculus I',
    description: 'Limits, derivatives and integrals. Problem sets, exam prep and office-hour notes.',
    members: [ADA, ALAN, GRACE, LINUS],
    messages: [
      [GRACE, 'Welcome back everyone! Problem set 4 is up: limits and continuity, due Friday.'],
      [ADA, 'Thanks Grace. Is question 3 the one with the squeeze theorem?'],
      [GRACE, 'Yes: lim x→0 of x²·sin(1/x). Bound sin between -1 and 1 first.'],
      [ALAN, 'So -x² ≤ x² sin(1/x) ≤ x² and both sides go to 0. That was quicker than I feared.'],
      [LINUS, 'I keep getting 1 for lim sin(x)/x as x→0 but my calculator says 0.0174…'],
      [ADA, 'Your calculator is in degrees, <@4> 🙂 Switch it to radians.'],
      [LINUS, 'Oh no. That explains the last three homework answers too.'],
      [GRACE, 'Classic. Always radians in calculus unless the problem says otherwise.'],
      [ALAN, 'Does anyone have a clean way to explain why the derivative of eˣ is eˣ?'],
      [GRACE, 'Start from the limit definition:\n$$\\frac{e^{x+h} - e^x}{h} = e^x \\cdot \\frac{e^h - 1}{h}$$\nand $(e^h - 1)/h \\to 1$ as $h \\to 0$.'],
      [ADA, 'And that last limit is basically how e is defined. Nice and circular in the good way.'],
      [LINUS, 'Chain rule question: d/dx sin(3x²) is cos(3x²)·6x, right?'],
      [ALAN, 'Yep. Outside function derivative, inside untouched, times the inside derivative.'],
      [ADA, 'Quiz on Monday covers sections 2.1–2.6, so product, quotient and chain rule.'],
      [GRACE, 'Correct. No implicit differentiation yet, that starts next week.'],
      [LINUS, 'Anyone want to do practice problems in the library tomorrow at 10?'],
      [ALAN, 'I can do 10:30. Second floor tables?'],
      [ADA, "I'll bring the old midterms from last year."],
      [GRACE, 'Reminder: office hours moved to **Thursday 4–6pm** this week.'],
      [ADA, 'Implicit differentiation: for x² + y² = 25 I get dy/dx = −x/y. Does that look right?'],
      [GRACE, 'Perfect. Now find the tangent line at (3, 4) for extra practice.'],
      [ADA, 'Slope −3/4, so y − 4 = −3/4 (x − 3).'],
      [ALAN, 'Related rates are where I get lost. The ladder problem in 3.9 makes no sense to me.'],
      [GRACE, 'Draw it first. x² + y² = L², differentiate with respect to t, then plug in the instant you care about.'],
      [LINUS, 'The trick is only plugging numbers in AFTER differentiating. I learned that the hard way.'],
      [ALAN, 'Ahh, I was substituting x = 6 before differentiating, so dx/dt vanished. Got it now.'],
      [ADA, 'Can someone check 4.2 #14? I get a critical point at x = 2/3.'],
      [LINUS, 'Same here. f″(2/3) > 0 so it is a local minimum.'],
      [GRACE, 'Both right. Remember to also check the endpoints on a closed interval.'],
      [ALAN, 'Mean value theorem on the midterm, or only Rolle?'],
      [GRACE, 'Both can appear. Know the hypotheses:\n- continuous on $[a, b]$\n- differentiable on $(a, b)$'],
      [LINUS, 'Midterm study sheet draft is in the shared folder, please add anything I missed.'],
      [ADA, 'Added L’Hôpital’s rule and the common limits table. Great sheet Linus!'],
      [ALAN, 'Riemann sums next. Left vs right endpoints: is one of them always an underestimate?'],
      [GRACE, 'Only for monotonic functions. Increasing: left underestimates, right overestimates.'],
      [ADA, 'Fundamental theorem finally made integrals click for me. The area is just the antiderivative difference.'],
      [LINUS, '$\\int_0^\\pi \\sin x\\,dx = 2$. Still feels like *magic*.'],
      [GRACE, 'Good luck on the midterm tomorrow everyone. Sleep > one more practice problem.'],
    ],
  },
  {
    id: 2,
    name: 'Organic Chemistry',
    description: 'Mechanisms, nomenclature and lab reports for Organic Chemistry I.',
    members: [ADA, GRACE, LINUS],
    messages: [
      [ADA, 'Is anyone else struggling with SN1 vs SN2? They all look the same to me.'],
      [GRACE, 'Look at the substrate first. Methyl and primary: SN2. Tertiary: SN1. Secondary: depends on the nucleophile and solvent.'],
      [LINUS, 'And polar protic solvents favour SN1 because they stabilise the carbocation.'],
      [ADA, 'Polar aprotic like DMSO or acetone for SN2, then?'],
      [GRACE, 'Exactly. They leave the nucleophile "naked" and reactive.'],
      [LINUS, 'Lab report for the recrystallisation is due Wednesday. How long are yours?'],
      [ADA, 'About four pages with the melting point table. Mine melted at 120–122 °C.'],
      [LINUS, 'Literature value for benzoic acid is 122, so that looks really pure.'],
      [GRACE, 'A narrow range like that is exactly what we want to see. Discuss it in the results section.'],
      [ADA, 'Nomenclature question: is it 2-methylbutane or 3-methylbutane?'],
      [LINUS, '2-methylbutane. Lowest locants win.'],
      [ADA, 'Chair conformations: how do you decide which chair is more stable?'],
      [GRACE, 'Put the biggest group equatorial. Axial substituents suffer 1,3-diaxial strain.'],
      [LINUS, 'tert-butyl basically locks the ring, it is almost never axial.'],
      [ADA, 'Can E2 happen from any conformation?'],
      [GRACE, 'No, the H and the leaving group must be anti-periplanar. In cyclohexanes that means both axial.'],
      [LINUS, 'That is why the menthyl chloride problem gives only one alkene!'],
      [ADA, 'Flashcards for the functional groups are in the shared deck, 60 cards so far.'],
      [LINUS, 'Thank you! Adding the reagents for alkene reactions tonight.'],
      [GRACE, 'Markovnikov vs anti-Markovnikov is a favourite exam topic. HBr with peroxides goes anti-Markovnikov.'],
      [ADA, 'Because it becomes a radical mechanism, right?'],
      [GRACE, 'Right, and the more stable radical decides the regiochemistry.'],
      [LINUS, 'Hydroboration–oxidation is also anti-Markovnikov but syn addition.'],
      [ADA, 'What is the difference between enantiomers and diastereomers again?'],
      [LINUS, 'Enantiomers are non-superimposable mirror images. Diastereomers are stereoisomers that are not mirror images.'],
      [GRACE, 'And meso compounds have stereocentres but are achiral because of an internal mirror plane.'],
      [ADA, 'R/S assignment always takes me forever.'],
      [GRACE, 'Priorities by atomic number, lowest priority pointing away, then trace 1→2→3. Clockwise is R.'],
      [LINUS, 'If the lowest priority points towards you, just reverse the answer.'],
      [ADA, 'That trick saves so much time. Thanks!'],
      [LINUS, 'Practice exam answers are posted. I got 68/80, mostly lost points on mechanisms.'],
      [ADA, 'Draw every arrow from electrons to nucleus. That fixed half my mistakes.'],
      [GRACE, 'Review session Sunday 2pm in room B214. Bring your questions about carbonyl chemistry.'],
    ],
  },
  {
    id: 3,
    name: 'Algorithms',
    description: 'Design and analysis of algorithms: sorting, graphs, dynamic programming, complexity.',
    members: [ADA, ALAN, GRACE, LINUS],
    messages: [
      [ALAN, 'Homework 3 is about divide and conquer. Anyone started the master theorem questions?'],
      [ADA, '$T(n) = 2T(n/2) + n$ is case 2, so $\\Theta(n \\log n)$.'],
      [LINUS, 'And T(n) = 8T(n/2) + n² is case 1: n^(log₂ 8) = n³ dominates.'],
      [GRACE, 'Good. Watch out for cases where f(n) is not polynomially larger; the master theorem does not apply there.'],
      [ALAN, 'Why is quicksort O(n²) worst case but everyone still uses it?'],
      [LINUS, 'Randomised pivots make the bad case vanishingly unlikely, and it has great cache behaviour.'],
      [ADA, 'Plus the constants are small. Expected time is about 1.39 n log₂ n comparisons.'],
      [ALAN, 'Is there a sort that beats n log n?'],
      [GRACE, 'Not with comparisons only: the decision tree argument gives the Ω(n log n) lower bound. Counting sort avoids comparisons.'],
      [LINUS, 'Radix sort on 32-bit ints is basically linear. I used it in a project once:\n' +
        '```cpp\n' +
        'void radixSort(std::vector<std::uint32_t> &v)\n' +
        '{\n' +
        '    std::vector<std::uint32_t> out(v.size());\n' +
        '    for (int shift = 0; shift < 32; shift += 8) {\n' +
        '        std::array<std::size_t, 257> count{};\n' +
        '        for (auto x : v)\n' +
        '            ++count[((x >> shift) & 0xFF) + 1];\n' +
        '        for (int i = 0; i < 256; ++i)\n' +
        '            count[i + 1] += count[i];\n' +
        '        for (auto x : v)\n' +
        '            out[count[(x >> shift) & 0xFF]++] = x;\n' +
        '        v.swap(out);\n' +
        '    }\n' +
        '}\n' +
        '```'],
      [ADA, 'Dijkstra question: why does it fail with negative edges?'],
      [ALAN, 'Because once a node is finalised it is never revisited, and a negative edge could make a cheaper path later.'],
      [GRACE, 'Right. Use Bellman–Ford for negative weights; it also detects negative cycles.'],
      [LINUS, 'BFS vs DFS for shortest paths in an unweighted graph?'],
      [ADA, 'BFS. DFS gives you a path, not the shortest one.'],
      [ALAN, 'Dynamic programming is the part I find hardest. How do you find the subproblems?'],
      [GRACE, '**Ask:** what is the *last* decision an optimal solution makes? The remainder is your subproblem.'],
      [ADA, 'For the knapsack: either the last item is in the bag or it is not. Two cases, take the max.'],
      [LINUS, 'And the table is items × capacity, so O(nW). Pseudo-polynomial, as the lecture said.'],
      [ALAN, 'Longest common subsequence finally clicked when I drew the 2D table by hand.'],
      [ADA, 'Edit distance is the same shape of table. Three moves: insert, delete, substitute.'],
      [GRACE, 'Excellent. Homework 4 will ask you to reconstruct the solution, not just the value, so keep back-pointers.'],
      [LINUS, 'Anyone want to pair up for the programming part? It is a union-find implementation.'],
      [ALAN, 'Me! Path compression plus union by rank gives the inverse Ackermann bound. My `find` so far:\n' +
        '```python\n' +
        'def find(parent, x):\n' +
        '    while parent[x] != x:\n' +
        '        parent[x] = parent[parent[x]]  # path halving\n' +
        '        x = parent[x]\n' +
        '    return x\n' +
        '```'],
      [LINUS, 'Which is ≤ 4 for any input that fits in the universe. Basically constant.'],
      [ADA, 'Kruskal uses union-find, Prim uses a priority queue. Both give an MST.'],
      [GRACE, 'And both are greedy algorithms justified by the cut property. Know the proof for the exam.'],
      [ALAN, 'P vs NP lecture next week. Should we read ahead?'],
      [GRACE, 'Read CLRS chapter 34.1–34.3. Focus on what a polynomial-time reduction is.'],
      [LINUS, 'To show a problem is NP-hard, reduce a known NP-hard problem **to** it, not the other way round.'],
      [ADA, '> reduce a known NP-hard problem **to** it\n\nI always mix up that direction. Writing it on a sticky note.'],
      [ALAN, 'Halting problem was fun. You cannot write a program that decides whether any program halts.'],
      [LINUS, 'Says the person named Alan Turing 😄'],
      [ADA, 'Ha! Study group on Thursday 6pm, same place as last week?'],
      [ALAN, 'Works for me. I will bring whiteboard markers.'],
      [GRACE, 'Practice final is up. Try it under exam conditions: 2 hours, one page of notes. <@2> <@1> you asked for it.'],
    ],
  },
  {
    id: 4,
    name: 'Study Lounge',
    description: 'Off-topic chat, study tips, music for focus and coffee breaks.',
    members: [ADA, ALAN, GRACE, LINUS],
    messages: [
      [LINUS, 'Good morning! Anyone else in the library already?'],
      [ADA, 'Third floor, by the windows. There are free seats.'],
      [ALAN, 'On my way, grabbing coffee first.'],
      [GRACE, 'Tip for this week: Pomodoro, 25 minutes on, 5 off. It really helps before exams.'],
      [LINUS, 'I do 50/10, 25 minutes is over before I get into anything.'],
      [ADA, 'Any lo-fi playlists you can recommend? Mine is getting repetitive.'],
      [ALAN, 'I listen to film scores while studying. No lyrics is the key.'],
      [LINUS, 'Rain sounds. Do not knock it until you have tried it.'],
      [GRACE, 'The library extends opening hours to midnight during exam weeks, starting Monday.'],
      [ADA, 'Finally! Thank you for sharing.'],
      [ALAN, 'Does anyone know if the cafeteria is open on Sunday?'],
      [LINUS, 'Only until 2pm. The vending machines on the ground floor work though.'],
      [ADA, 'Study break? Walk around the lake in 10 minutes?'],
      [ALAN, 'Yes please, my brain is full of recurrences.'],
      [GRACE, 'Reminder to actually sleep. Spaced repetition works because of sleep, not despite it.'],
      [LINUS, 'Anki streak: 42 days. Someone stop me.'],
      [ADA, 'Impressive! I am at 12.'],
      [ALAN, 'What do you all do against procrastination?'],
      [ADA, 'I write the very first tiny step on a sticky note. "Open the problem set" counts.'],
      [LINUS, 'Phone in another room. Works every single time.'],
      [GRACE, 'Study with someone. It is hard to scroll your phone when a friend is working next to you.'],
      [ALAN, 'Group room 3 is booked for us Thursday 4–8pm.'],
      [ADA, "Great, I'll bring snacks."],
      [LINUS, 'Anyone selling a used copy of the organic chemistry textbook?'],
      [ADA, 'I have one with only a few highlights. Yours for the price of a coffee.'],
      [LINUS, 'Deal!'],
      [GRACE, 'Well done on the midterms everyone, the averages were really good this term.'],
      [ALAN, 'Celebration pizza on Friday?'],
      [ADA, 'Count me in 🍕'],
      [LINUS, 'Same. 7pm at the usual place?'],
      [GRACE, 'Enjoy it, you earned it. See you all next week.'],
      [ALAN, 'Does anyone want to start a reading group over the break? I was thinking Gödel, Escher, Bach.'],
      [ADA, 'Yes! I have wanted to read it for years.'],
      [LINUS, 'It is huge, but I am in. A chapter a week, <@1>?'],
    ],
  },
];

const DMS = [
  {
    a: ADA,
    b: ALAN,
    messages: [
      [ALAN, 'Hey Ada, did you understand the last part of the DP lecture?'],
      [ADA, 'Mostly! The reconstruction part with back-pointers was the tricky bit.'],
      [ALAN, 'Could you go over it with me before the homework is due?'],
      [ADA, 'Sure. Tomorrow after the calculus quiz?'],
      [ALAN, 'Perfect, thank you!'],
      [ADA, 'I put my notes in the shared folder in case you want to look first.'],
      [ALAN, 'Just read them, they are so much clearer than mine.'],
      [ADA, 'Glad they help. See you tomorrow!'],
    ],
  },
  {
    a: ADA,
    b: GRACE,
    messages: [
      [ADA, 'Hi Grace, could I come to office hours on Thursday about related rates?'],
      [GRACE, 'Of course. Bring the problems you tried, even if they are wrong.'],
      [ADA, 'Will do. The ladder one and the cone filling with water.'],
      [GRACE, 'Those are great examples. We will draw them together.'],
      [ADA, 'Thank you, that session really helped. I got both on the quiz!'],
      [GRACE, 'Wonderful, well done Ada!'],
    ],
  },
  {
    a: LINUS,
    b: ALAN,
    messages: [
      [LINUS, 'Union-find: I pushed the path compression part to our repo.'],
      [ALAN, 'Nice, I will do union by rank tonight and add tests.'],
      [LINUS, 'Do not forget the case where both roots have equal rank.'],
      [ALAN, 'Good catch. Done, and all tests pass.'],
    ],
  },
];

module.exports = { PASSWORD, USERS, ROOMS, DMS };
