#include "mathtext.h"

#include "mathpictures.h"

#include <QGuiApplication>
#include <QtMath>

namespace {
const QString ProviderName = QStringLiteral("math");
}

MathText::MathText(QObject *parent)
    : QObject(parent)
    , m_devicePixelRatio(qApp ? qApp->devicePixelRatio() : 1.0)
{
    connect(
        MathPictures::instance(), &MathPictures::formulaSettled, this, [this](const QString &id) {
            if (m_waitingFor.contains(id))
                rebuild();
        });
}

void MathText::classBegin()
{
    m_complete = false;
    if (QQmlEngine *engine = qmlEngine(this); engine && !engine->imageProvider(ProviderName))
        engine->addImageProvider(ProviderName, new MathPictureProvider);
}

void MathText::componentComplete()
{
    m_complete = true;
    rebuild();
}

void MathText::setBlock(const RichBlock &block)
{
    if (block == m_block)
        return;
    m_block = block;
    Q_EMIT blockChanged();
    rebuild();
}

void MathText::setFontPixelSize(qreal size)
{
    if (qFuzzyCompare(size, m_fontPixelSize) || size <= 0)
        return;
    m_fontPixelSize = size;
    Q_EMIT styleChanged();
    rebuild();
}

void MathText::setColor(const QColor &color)
{
    if (color == m_color)
        return;
    m_color = color;
    Q_EMIT styleChanged();
    rebuild();
}

void MathText::setPendingColor(const QColor &color)
{
    if (color == m_pendingColor)
        return;
    m_pendingColor = color;
    Q_EMIT styleChanged();
    rebuild();
}

void MathText::setErrorColor(const QColor &color)
{
    if (color == m_errorColor)
        return;
    m_errorColor = color;
    Q_EMIT styleChanged();
    rebuild();
}

void MathText::setCodeColor(const QColor &color)
{
    if (color == m_codeColor)
        return;
    m_codeColor = color;
    Q_EMIT styleChanged();
    rebuild();
}

void MathText::setDevicePixelRatio(qreal ratio)
{
    if (qFuzzyCompare(ratio, m_devicePixelRatio) || ratio <= 0)
        return;
    m_devicePixelRatio = ratio;
    Q_EMIT styleChanged();
    rebuild();
}

QString MathText::formulaHtml(const QString &tex, const QString &source, bool display)
{
    const MathPictures::Formula formula = MathPictures::instance()->formula(
        tex, display, m_fontPixelSize, m_color, m_devicePixelRatio);
    switch (formula.state) {
    case MathPictures::State::Ready:
        // StyledText has no baseline offset for pictures: "middle" centres the formula on the
        // line, which is where MathJax puts a formula's axis (fraction bars, = signs) too.
        return QStringLiteral(
            "<img src=\"image://%1/%2\" width=\"%3\" height=\"%4\" align=\"middle\">")
            .arg(ProviderName, formula.id)
            .arg(qCeil(formula.size.width()))
            .arg(qCeil(formula.size.height()));
    case MathPictures::State::Failed:
        m_errors.append(formula.error);
        return QStringLiteral("<font color=\"%1\">⚠ %2</font>")
            .arg(m_errorColor.name(), source.toHtmlEscaped());
    case MathPictures::State::Pending:
        break;
    }
    m_waitingFor.insert(formula.id);
    ++m_drawing;
    return QStringLiteral("<font color=\"%1\">%2</font>")
        .arg(m_pendingColor.name(), source.toHtmlEscaped());
}

void MathText::rebuild()
{
    if (!m_complete)
        return;
    m_waitingFor.clear();
    m_errors.clear();
    m_drawing = 0;
    int formulas = 0;
    QString html;
    if (m_block.kind == RichBlock::DisplayMath) {
        formulas = 1;
        html = formulaHtml(m_block.source, m_block.plainText, true);
    } else {
        formulas = int(m_block.mathSpans.size());
        html = RichTextModel::styledHtml(
            m_block,
            [this](
                const MathSpan &span) { return formulaHtml(span.tex, span.source, span.display); },
            m_codeColor);
    }
    const State state = formulas == 0 ? NoMath
        : m_drawing > 0               ? Drawing
        : m_errors.isEmpty()          ? Drawn
                                      : SomeFailed;
    if (html == m_html && state == m_state)
        return;
    m_html = html;
    m_state = state;
    Q_EMIT htmlChanged();
}
