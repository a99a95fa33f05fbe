#include "modelrow.h"

#include <QAbstractItemModel>

QVariantMap modelRowAsMap(const QAbstractItemModel *model, int row)
{
    QVariantMap result;
    if (row < 0 || row >= model->rowCount())
        return result;
    const QModelIndex index = model->index(row, 0);
    const auto names = model->roleNames();
    for (auto it = names.begin(); it != names.end(); ++it)
        result.insert(QString::fromUtf8(it.value()), model->data(index, it.key()));
    return result;
}
