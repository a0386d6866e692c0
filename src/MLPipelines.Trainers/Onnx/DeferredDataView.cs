using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLPipelines.Trainers.Onnx;

/// <summary>
/// A transformed view whose transform is applied only when its rows are first asked for: what
/// <see cref="OnnxNetworkModel{TModel}.Transform"/> returns while the model's scoring transforms are not built yet.
/// Its schema is given up front (the one the transform will produce); cursors come from the transformed view and
/// are presented under that schema, column by column index. Row count and shuffling are the source's (the scoring
/// transforms map rows one to one).
/// </summary>
internal sealed class DeferredDataView(IDataView source, DataViewSchema schema, Func<IDataView> transform) : IDataView
{
    private readonly Lazy<IDataView> _view = new(transform, LazyThreadSafetyMode.ExecutionAndPublication);

    public bool CanShuffle => source.CanShuffle;

    public DataViewSchema Schema => schema;

    public long? GetRowCount() => source.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(_view.Value.GetRowCursor(Columns(columnsNeeded), rand), schema);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [.. _view.Value.GetRowCursorSet(Columns(columnsNeeded), n, rand).Select(c => new Cursor(c, schema))];

    /// <summary>The same columns of the transformed view, checked to match the promised schema.</summary>
    private IEnumerable<DataViewSchema.Column> Columns(IEnumerable<DataViewSchema.Column> columns)
    {
        var actual = _view.Value.Schema;
        if (actual.Count != schema.Count)
        {
            throw new InvalidOperationException($"The scoring transforms produced {actual.Count} columns, {schema.Count} were expected.");
        }

        return columns.Select(c => actual[c.Index]);
    }

    private sealed class Cursor(DataViewRowCursor inner, DataViewSchema schema) : DataViewRowCursor
    {
        public override DataViewSchema Schema => schema;

        public override long Position => inner.Position;

        public override long Batch => inner.Batch;

        public override ValueGetter<DataViewRowId> GetIdGetter() => inner.GetIdGetter();

        public override bool IsColumnActive(DataViewSchema.Column column) => inner.IsColumnActive(inner.Schema[column.Index]);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => inner.GetGetter<TValue>(inner.Schema[column.Index]);

        public override bool MoveNext() => inner.MoveNext();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
