// Formulas in a message, as the timeline shows them: a Text item with MathText's html, drawn by
// the real MathJax engine off the GUI thread. Until a formula is drawn its source shows; then its
// picture, in the text's colour; a formula that cannot be drawn keeps its source after a marker.
#include "desktop/mathtext.h"
#include "richtext/richdocument.h"

#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(StudyConnect_DesktopPlugin)

namespace {

// A formula's picture and its source text, in a window as a delegate shows them.
const char *const TextQml = R"(
import QtQuick
import StudyConnect.Desktop
Window {
    width: 600; height: 200; visible: true; color: "white"
    property alias math: math
    property alias label: label
    MathText { id: math; fontPixelSize: 16; color: "#1a73e8"; pendingColor: "#777777"; errorColor: "#c5221f" }
    Text {
        id: label
        x: 10; y: 10
        textFormat: Text.StyledText
        font.pixelSize: 16
        color: "black"
        text: math.html
    }
}
)";

RichBlock firstBlock(const QString &source)
{
    const RichDocument document = RichDocument::parse(source);
    return document.blocks.value(0);
}

/// How many pixels of the window, inside `item`, are close to `color`.
int pixelsLike(QQuickWindow *window, QQuickItem *item, const QColor &color)
{
    const QImage frame = window->grabWindow();
    const QRectF area = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
    const qreal ratio = frame.devicePixelRatio();
    int count = 0;
    for (int y = int(area.top() * ratio); y < int(area.bottom() * ratio); ++y) {
        for (int x = int(area.left() * ratio); x < int(area.right() * ratio); ++x) {
            const QColor pixel = frame.pixelColor(x, y);
            if (qAbs(pixel.red() - color.red()) < 40 && qAbs(pixel.green() - color.green()) < 40
                && qAbs(pixel.blue() - color.blue()) < 40)
                ++count;
        }
    }
    return count;
}

} // namespace

class TestMathText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void inlineFormulaBecomesAPictureInTheTextColour();
    void displayFormulaIsItsBlock();
    void badTexKeepsItsSourceWithAMarker();
    void aNewColourDrawsAgain();
    void textWithoutMathIsTheBlocksHtml();

private:
    QObject *math() const { return m_window->property("math").value<QObject *>(); }
    QQuickItem *label() const { return m_window->property("label").value<QQuickItem *>(); }
    void show(const QString &source);

    std::unique_ptr<QQmlEngine> m_engine;
    std::unique_ptr<QQuickWindow> m_window;
};

void TestMathText::init()
{
    m_engine = std::make_unique<QQmlEngine>();
    QQmlComponent component(m_engine.get());
    component.setData(TextQml, QUrl(QStringLiteral("qrc:/tst_mathtext.qml")));
    m_window.reset(qobject_cast<QQuickWindow *>(component.create()));
    QVERIFY2(m_window, qPrintable(component.errorString()));
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMathText::cleanup()
{
    m_window.reset();
    m_engine.reset();
}

void TestMathText::show(const QString &source)
{
    math()->setProperty("block", QVariant::fromValue(firstBlock(source)));
}

void TestMathText::inlineFormulaBecomesAPictureInTheTextColour()
{
    show(QStringLiteral("The area is $\\int_0^\\pi \\sin x\\,dx = 2$, as expected."));
    // At once: the source, muted, while the engine draws.
    const QString first = math()->property("html").toString();
    if (math()->property("state").toInt() == MathText::Drawing) {
        QVERIFY2(first.contains(QStringLiteral("<font color=\"#777777\">$\\int_0^\\pi")),
            qPrintable(first));
        QVERIFY(!first.contains(QStringLiteral("<img")));
    }
    QTRY_COMPARE_WITH_TIMEOUT(math()->property("state").toInt(), int(MathText::Drawn), 15000);
    const QString html = math()->property("html").toString();
    QVERIFY2(html.contains(QStringLiteral("<img src=\"image://math/")), qPrintable(html));
    QVERIFY(html.startsWith(QStringLiteral("The area is ")));
    QVERIFY(html.endsWith(QStringLiteral(", as expected.")));
    // The TeX never travels in the picture's address.
    QVERIFY(!html.contains(QStringLiteral("sin")));

    // Drawn in the formula's colour, as wide as an integral with its limits at 16 px.
    QTRY_VERIFY(pixelsLike(m_window.get(), label(), QColor(0x1a, 0x73, 0xe8)) > 80);
    QVERIFY(label()->implicitHeight() >= 20);
}

void TestMathText::displayFormulaIsItsBlock()
{
    const RichDocument document =
        RichDocument::parse(QStringLiteral("$$\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}$$"));
    QCOMPARE(document.blocks.size(), 1);
    QCOMPARE(document.blocks.first().kind, RichBlock::DisplayMath);
    math()->setProperty("block", QVariant::fromValue(document.blocks.first()));
    QTRY_COMPARE_WITH_TIMEOUT(math()->property("state").toInt(), int(MathText::Drawn), 15000);
    QTRY_VERIFY(label()->implicitHeight() > 30); // a display fraction is taller than a line
    QVERIFY(pixelsLike(m_window.get(), label(), QColor(0x1a, 0x73, 0xe8)) > 80);
}

void TestMathText::badTexKeepsItsSourceWithAMarker()
{
    show(QStringLiteral("Why does $\\frac{1}{$ fail?"));
    QTRY_COMPARE_WITH_TIMEOUT(math()->property("state").toInt(), int(MathText::SomeFailed), 15000);
    const QString html = math()->property("html").toString();
    QVERIFY2(html.contains(QStringLiteral("<font color=\"#c5221f\">⚠ $\\frac{1}{$</font>")),
        qPrintable(html));
    QVERIFY(!html.contains(QStringLiteral("<img")));
    QVERIFY(!math()->property("errors").toString().isEmpty());
}

void TestMathText::aNewColourDrawsAgain()
{
    show(QStringLiteral("$x^2$"));
    QTRY_COMPARE_WITH_TIMEOUT(math()->property("state").toInt(), int(MathText::Drawn), 15000);
    const QString blue = math()->property("html").toString();
    // Dark mode: the palette's text colour changes, the formula follows it.
    math()->setProperty("color", QColor(0xe8, 0xea, 0xed));
    QTRY_COMPARE_WITH_TIMEOUT(math()->property("state").toInt(), int(MathText::Drawn), 15000);
    QVERIFY(math()->property("html").toString() != blue);
    m_window->setColor(Qt::black);
    QTRY_VERIFY(pixelsLike(m_window.get(), label(), QColor(0xe8, 0xea, 0xed)) > 10);
}

void TestMathText::textWithoutMathIsTheBlocksHtml()
{
    const RichBlock block = firstBlock(QStringLiteral("It costs $5 and **$10**, <img src=x>"));
    math()->setProperty("block", QVariant::fromValue(block));
    QCOMPARE(math()->property("state").toInt(), int(MathText::NoMath));
    QCOMPARE(math()->property("html").toString(), block.html());
    QVERIFY(!block.html().contains(QStringLiteral("<img")));
}

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    TestMathText test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mathtext.moc"
