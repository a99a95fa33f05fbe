#pragma once

#include "richtext/richdocument.h"
#include "richtext/richtextmodel.h"

#include <QColor>
#include <QObject>
#include <QQmlEngine>
#include <QQmlParserStatus>
#include <QSet>

/// A text block's html with its formulas drawn as pictures, for a Text item with
/// textFormat: Text.StyledText (a DisplayMath block is its one formula, centred).
///
/// Until a formula is drawn it reads as its source ("$x^2$") in `pendingColor`; a formula that
/// cannot be drawn (bad TeX, too slow) keeps its source after a "⚠" in `errorColor`, and
/// `errors` says why. Pictures come from MathPictures through image://math/, which this object
/// adds to its engine: the only <img> the html ever holds is one this object wrote.
class MathText : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_ELEMENT
    Q_PROPERTY(RichBlock block READ block WRITE setBlock NOTIFY blockChanged)
    /// The pixel size of the text around the formulas: 1 ex is its x-height.
    Q_PROPERTY(qreal fontPixelSize READ fontPixelSize WRITE setFontPixelSize NOTIFY styleChanged)
    Q_PROPERTY(QColor color READ color WRITE setColor NOTIFY styleChanged)
    Q_PROPERTY(QColor pendingColor READ pendingColor WRITE setPendingColor NOTIFY styleChanged)
    Q_PROPERTY(QColor errorColor READ errorColor WRITE setErrorColor NOTIFY styleChanged)
    /// Inline code's colour, as RichTextModel.codeColor (none when not set).
    Q_PROPERTY(QColor codeColor READ codeColor WRITE setCodeColor NOTIFY styleChanged)
    Q_PROPERTY(
        qreal devicePixelRatio READ devicePixelRatio WRITE setDevicePixelRatio NOTIFY styleChanged)
    Q_PROPERTY(QString html READ html NOTIFY htmlChanged)
    Q_PROPERTY(State state READ state NOTIFY htmlChanged)
    /// Why formulas were not drawn, one line each; empty when all were.
    Q_PROPERTY(QString errors READ errors NOTIFY htmlChanged)

public:
    enum State
    {
        NoMath, ///< the block has no formula
        Drawing, ///< some formula is still being drawn
        Drawn, ///< every formula is a picture
        SomeFailed, ///< every formula is settled, and at least one could not be drawn
    };
    Q_ENUM(State)

    explicit MathText(QObject *parent = nullptr);

    RichBlock block() const { return m_block; }
    void setBlock(const RichBlock &block);
    qreal fontPixelSize() const { return m_fontPixelSize; }
    void setFontPixelSize(qreal size);
    QColor color() const { return m_color; }
    void setColor(const QColor &color);
    QColor pendingColor() const { return m_pendingColor; }
    void setPendingColor(const QColor &color);
    QColor errorColor() const { return m_errorColor; }
    void setErrorColor(const QColor &color);
    QColor codeColor() const { return m_codeColor; }
    void setCodeColor(const QColor &color);
    qreal devicePixelRatio() const { return m_devicePixelRatio; }
    void setDevicePixelRatio(qreal ratio);

    QString html() const { return m_html; }
    State state() const { return m_state; }
    QString errors() const { return m_errors.join(u'\n'); }

    void classBegin() override;
    void componentComplete() override;

Q_SIGNALS:
    void blockChanged();
    void styleChanged();
    void htmlChanged();

private:
    void rebuild();
    QString formulaHtml(const QString &tex, const QString &source, bool display);

    RichBlock m_block;
    qreal m_fontPixelSize = 14;
    QColor m_color = Qt::black;
    QColor m_pendingColor = Qt::gray;
    QColor m_errorColor = Qt::red;
    QColor m_codeColor;
    qreal m_devicePixelRatio = 1;
    bool m_complete = true;

    QString m_html;
    State m_state = NoMath;
    QStringList m_errors;
    /// The formulas being drawn: a settled one among them rebuilds the html.
    QSet<QString> m_waitingFor;
    int m_drawing = 0;
};
