// CodeHighlighter against the real highlight.js bundle in a real QJSEngine.
#include "math/codehighlighter.h"
#include "math/mathrenderer.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

namespace {

struct Answer
{
    bool done = false;
    bool ok = false;
    CodeHighlight result;
    QString reason;
    qint64 elapsedMs = 0;
};

Answer waitFor(CodeHighlighter &highlighter, const QString &code, const QString &language)
{
    Answer answer;
    QElapsedTimer timer;
    timer.start();
    QString key;
    const auto onDone = QObject::connect(&highlighter, &CodeHighlighter::highlighted,
        [&](const QString &k, const CodeHighlight &result) {
            if (k == key)
                answer = { true, true, result, {}, timer.elapsed() };
        });
    const auto onFailed = QObject::connect(
        &highlighter, &CodeHighlighter::failed, [&](const QString &k, const QString &reason) {
            if (k == key)
                answer = { true, false, {}, reason, timer.elapsed() };
        });
    key = highlighter.request(code, language);
    // A timeout leaves answer.done false, which the callers check.
    (void)QTest::qWaitFor([&] { return answer.done; }, 30'000);
    QObject::disconnect(onDone);
    QObject::disconnect(onFailed);
    return answer;
}

bool hasToken(
    const QString &code, const CodeHighlight &result, const QString &text, const QString &scope)
{
    for (const CodeToken &token : result.tokens) {
        if (token.scope == scope && code.mid(token.start, token.length) == text)
            return true;
    }
    return false;
}

} // namespace

class TestCodeHighlighter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void highlightsTheStudyLanguages_data();
    void highlightsTheStudyLanguages();
    void aliasesAndUnknownLanguages();
    void cacheHitIsFast();
    void timeLimitStopsABlockAndTheNextOneWorks();
    void engineUnloadsWhenIdle();
    void sharesTheWorkerThreadWithMath();
};

void TestCodeHighlighter::highlightsTheStudyLanguages_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("expected"); // text, scope, text, scope...
    QTest::newRow("python") << QStringLiteral("python")
                            << QStringLiteral("def area(r):\n    return 3.14 * r * r  # circle\n")
                            << QStringList { QStringLiteral("def"), QStringLiteral("keyword"),
                                   QStringLiteral("area"), QStringLiteral("title.function"),
                                   QStringLiteral("3.14"), QStringLiteral("number"),
                                   QStringLiteral("# circle"), QStringLiteral("comment") };
    QTest::newRow("c++") << QStringLiteral(
        "cpp") << QStringLiteral("#include <vector>\nint main() {\n\treturn 0; // done\n}\n")
                         << QStringList { QStringLiteral("return"), QStringLiteral("keyword"),
                                QStringLiteral("<vector>"), QStringLiteral("string"),
                                QStringLiteral("// done"), QStringLiteral("comment") };
    QTest::newRow("c") << QStringLiteral("c")
                       << QStringLiteral("while (count > 0) count--; /* shared */")
                       << QStringList { QStringLiteral("while"), QStringLiteral("keyword"),
                              QStringLiteral("/* shared */"), QStringLiteral("comment") };
    QTest::newRow("java") << QStringLiteral("java")
                          << QStringLiteral("public class Queue { String name = \"fifo\"; }")
                          << QStringList { QStringLiteral("public"), QStringLiteral("keyword"),
                                 QStringLiteral("Queue"), QStringLiteral("title.class"),
                                 QStringLiteral("\"fifo\""), QStringLiteral("string") };
    QTest::newRow("javascript") << QStringLiteral(
        "javascript") << QStringLiteral("const total = items.reduce((a, b) => a + b, 0); // sum")
                                << QStringList { QStringLiteral("const"), QStringLiteral("keyword"),
                                       QStringLiteral("0"), QStringLiteral("number"),
                                       QStringLiteral("// sum"), QStringLiteral("comment") };
}

void TestCodeHighlighter::highlightsTheStudyLanguages()
{
    QFETCH(QString, language);
    QFETCH(QString, code);
    QFETCH(QStringList, expected);
    CodeHighlighter highlighter;
    const Answer answer = waitFor(highlighter, code, language);
    QVERIFY2(answer.ok, qPrintable(answer.reason));
    QCOMPARE(answer.result.language, language);
    int previousStart = 0;
    for (const CodeToken &token : answer.result.tokens) {
        QVERIFY(token.start >= previousStart);
        QVERIFY(token.start + token.length <= code.size());
        previousStart = token.start;
    }
    for (qsizetype i = 0; i + 1 < expected.size(); i += 2) {
        QVERIFY2(hasToken(code, answer.result, expected.at(i), expected.at(i + 1)),
            qPrintable(expected.at(i) + u' ' + expected.at(i + 1)));
    }
}

void TestCodeHighlighter::aliasesAndUnknownLanguages()
{
    CodeHighlighter highlighter;
    const Answer alias = waitFor(highlighter, QStringLiteral("print('hi')"), QStringLiteral("py"));
    QVERIFY(alias.ok);
    QCOMPARE(alias.result.language, QStringLiteral("python"));
    QVERIFY(!alias.result.tokens.isEmpty());

    const Answer unknown =
        waitFor(highlighter, QStringLiteral("x := 1"), QStringLiteral("klingon"));
    QVERIFY(unknown.ok);
    QVERIFY(unknown.result.language.isEmpty());
    QVERIFY(unknown.result.tokens.isEmpty());

    const Answer none = waitFor(highlighter, QStringLiteral("def f(): pass"), QString());
    QVERIFY(none.ok);
    QVERIFY(none.result.tokens.isEmpty());
}

void TestCodeHighlighter::cacheHitIsFast()
{
    CodeHighlighter highlighter;
    const QString code = QStringLiteral("for (int i = 0; i < n; ++i) sum += a[i];");
    const Answer first = waitFor(highlighter, code, QStringLiteral("c"));
    const Answer second = waitFor(highlighter, code, QStringLiteral("c"));
    QVERIFY(first.ok && second.ok);
    qInfo() << "first" << first.elapsedMs << "ms (engine load included), cached" << second.elapsedMs
            << "ms";
    QVERIFY(second.elapsedMs < 50);
    QCOMPARE(second.result.tokens, first.result.tokens);
}

void TestCodeHighlighter::timeLimitStopsABlockAndTheNextOneWorks()
{
    CodeHighlighter highlighter;
    QVERIFY(waitFor(highlighter, QStringLiteral("int x;"), QStringLiteral("cpp")).ok);
    // A block that takes far longer than a millisecond.
    QString big;
    for (int i = 0; i < 2000; ++i)
        big += QStringLiteral("int f%1(int a) { return a * %1; } // %1\n").arg(i);
    QVERIFY(big.size() < CodeHighlighter::MaxCodeLength);
    highlighter.setTimeLimitMs(1);
    const Answer slow = waitFor(highlighter, big, QStringLiteral("cpp"));
    QVERIFY(slow.done);
    qInfo() << "stopped after" << slow.elapsedMs << "ms:" << slow.reason;
    QVERIFY(!slow.ok);
    QVERIFY2(slow.reason.contains(QStringLiteral("longer than 1 ms")), qPrintable(slow.reason));
    QVERIFY(slow.elapsedMs < 1000);

    highlighter.setTimeLimitMs(CodeHighlighter::DefaultTimeLimitMs);
    const Answer next = waitFor(highlighter, QStringLiteral("return 1;"), QStringLiteral("cpp"));
    QVERIFY2(next.ok, qPrintable(next.reason));
    QVERIFY(!next.result.tokens.isEmpty());

    // Too long for the engine at all.
    const Answer huge = waitFor(
        highlighter, QString(CodeHighlighter::MaxCodeLength + 1, u'x'), QStringLiteral("cpp"));
    QVERIFY(!huge.ok);
    QVERIFY(huge.elapsedMs < 50);
}

void TestCodeHighlighter::engineUnloadsWhenIdle()
{
    CodeHighlighter highlighter;
    highlighter.setIdleUnloadMs(300);
    QVERIFY(waitFor(highlighter, QStringLiteral("x = 1"), QStringLiteral("python")).ok);
    QVERIFY(highlighter.engineLoaded());
    QTRY_VERIFY_WITH_TIMEOUT(!highlighter.engineLoaded(), 5000);
}

void TestCodeHighlighter::sharesTheWorkerThreadWithMath()
{
    CodeHighlighter highlighter;
    QVERIFY(waitFor(highlighter, QStringLiteral("int x;"), QStringLiteral("c")).ok);
    {
        auto math = std::make_unique<MathRenderer>();
        math->setTimeLimitMs(1000);
        QString mathReason;
        connect(math.get(), &MathRenderer::failed, this,
            [&](const QString &, const QString &reason) { mathReason = reason; });
        // A formula that runs into the time limit, then a code block behind it on the thread.
        math->request(QStringLiteral(R"(\def\x{a\x}\x)"), false, 16, Qt::black);
        const Answer code = waitFor(highlighter, QStringLiteral("return 0;"), QStringLiteral("c"));
        QVERIFY2(code.ok, qPrintable(code.reason));
        qInfo() << "code block answered after" << code.elapsedMs << "ms behind the formula";
        QTRY_VERIFY(!mathReason.isEmpty());
        QVERIFY(mathReason.contains(QStringLiteral("longer than")));
        // Another slow formula, and the renderer goes away in the middle of it.
        math->request(QStringLiteral(R"(\def\y{b\y}\y)"), false, 16, Qt::black);
        QTest::qWait(100);
        QElapsedTimer destroying;
        destroying.start();
        math.reset();
        qInfo() << "MathRenderer destroyed in" << destroying.elapsed() << "ms";
        QVERIFY(destroying.elapsed() < 500);
    }
    // The thread goes on serving the highlighter.
    const Answer after = waitFor(highlighter, QStringLiteral("while (1) {}"), QStringLiteral("c"));
    QVERIFY2(after.ok, qPrintable(after.reason));
}

QTEST_GUILESS_MAIN(TestCodeHighlighter)
#include "tst_codehighlighter.moc"
