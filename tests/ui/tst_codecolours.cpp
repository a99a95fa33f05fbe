// Syntax colours in a code block as the timeline shows it: a read-only plain-text TextEdit whose
// text is the code as typed, coloured by highlight.js (the real engine, off the GUI thread).
#include "desktop/codecolours.h"

#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickTextDocument>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(StudyConnect_DesktopPlugin)

namespace {

const char *const CodeQml = R"(
import QtQuick
import StudyConnect.Desktop
TextEdit {
    id: code
    property alias colours: colours
    textFormat: TextEdit.PlainText
    readOnly: true
    font.family: "monospace"
    CodeColours { id: colours; document: code.textDocument; keywordColor: "#a626a4"; stringColor: "#50a14f"; commentColor: "#6a737d" }
}
)";

const QString PythonCode = QStringLiteral(
    "def area(r):\n\t# the circle\n\treturn 3.14159 * r * r  # not math.pi\n\nprint(\"done\")");

/// The foreground colour at `position` of the document, or an invalid colour when none is set.
QColor colourAt(QTextDocument *document, int position)
{
    const QTextBlock block = document->findBlock(position);
    const int inBlock = position - block.position();
    for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
        if (inBlock >= range.start && inBlock < range.start + range.length
            && range.format.hasProperty(QTextFormat::ForegroundBrush))
            return range.format.foreground().color();
    }
    return QColor();
}

} // namespace

class TestCodeColours : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void pythonIsColouredAndTheTextStaysTheCode();
    void newColoursApplyAtOnce();
    void noLanguageOrAnUnknownOneStaysOneColour();
    void newCodeIsColouredAgain();

private:
    QObject *colours() const { return m_code->property("colours").value<QObject *>(); }
    QTextDocument *document() const
    {
        return m_code->property("textDocument").value<QQuickTextDocument *>()->textDocument();
    }

    std::unique_ptr<QQmlEngine> m_engine;
    std::unique_ptr<QQuickItem> m_code;
};

void TestCodeColours::init()
{
    m_engine = std::make_unique<QQmlEngine>();
    QQmlComponent component(m_engine.get());
    component.setData(CodeQml, QUrl(QStringLiteral("qrc:/tst_codecolours.qml")));
    m_code.reset(qobject_cast<QQuickItem *>(component.create()));
    QVERIFY2(m_code, qPrintable(component.errorString()));
}

void TestCodeColours::cleanup()
{
    m_code.reset();
    m_engine.reset();
}

void TestCodeColours::pythonIsColouredAndTheTextStaysTheCode()
{
    m_code->setProperty("text", PythonCode);
    colours()->setProperty("language", QStringLiteral("python"));
    QTRY_VERIFY_WITH_TIMEOUT(colours()->property("coloured").toBool(), 15000);

    QCOMPARE(document()->toPlainText(), PythonCode); // tabs kept, nothing added
    QCOMPARE(
        colourAt(document(), PythonCode.indexOf(QStringLiteral("def"))), QColor(0xa6, 0x26, 0xa4));
    QCOMPARE(colourAt(document(), PythonCode.indexOf(QStringLiteral("return"))),
        QColor(0xa6, 0x26, 0xa4));
    QCOMPARE(colourAt(document(), PythonCode.indexOf(QStringLiteral("# the circle"))),
        QColor(0x6a, 0x73, 0x7d));
    QCOMPARE(colourAt(document(), PythonCode.indexOf(QStringLiteral("\"done\""))),
        QColor(0x50, 0xa1, 0x4f));
    // Names are not keywords.
    QVERIFY(colourAt(document(), PythonCode.indexOf(QStringLiteral("r * r")))
        != QColor(0xa6, 0x26, 0xa4));
}

void TestCodeColours::newColoursApplyAtOnce()
{
    m_code->setProperty("text", PythonCode);
    colours()->setProperty("language", QStringLiteral("py"));
    QTRY_VERIFY_WITH_TIMEOUT(colours()->property("coloured").toBool(), 15000);
    // Dark mode: Theme gives other colours; no new request is needed.
    colours()->setProperty("keywordColor", QColor(0xc6, 0x78, 0xdd));
    QCOMPARE(colourAt(document(), 0), QColor(0xc6, 0x78, 0xdd));
}

void TestCodeColours::noLanguageOrAnUnknownOneStaysOneColour()
{
    m_code->setProperty("text", PythonCode);
    QTest::qWait(300);
    QVERIFY(!colours()->property("coloured").toBool());
    QVERIFY(!colourAt(document(), 0).isValid());

    colours()->setProperty("language", QStringLiteral("klingon"));
    QTest::qWait(1500); // the engine loads and answers: no tokens for a language it does not know
    QVERIFY(!colours()->property("coloured").toBool());
    QVERIFY(!colourAt(document(), 0).isValid());
}

void TestCodeColours::newCodeIsColouredAgain()
{
    m_code->setProperty("text", PythonCode);
    colours()->setProperty("language", QStringLiteral("cpp"));
    const QString cpp = QStringLiteral("#include <vector>\nint main() { return 0; }\n");
    m_code->setProperty("text", cpp);
    QTRY_VERIFY_WITH_TIMEOUT(colours()->property("coloured").toBool(), 15000);
    QCOMPARE(colourAt(document(), cpp.indexOf(QStringLiteral("return"))), QColor(0xa6, 0x26, 0xa4));
    QCOMPARE(document()->toPlainText(), cpp);
}

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    TestCodeColours test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_codecolours.moc"
