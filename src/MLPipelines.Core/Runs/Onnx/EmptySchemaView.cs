using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLPipelines.Core.Runs.Onnx;

/// <summary>
/// A view with no rows and the visible columns of a schema (types and annotations kept): the root ML.NET's ONNX
/// converter needs to convert a part of a chain that starts in the middle (its graph inputs are the root's columns).
/// </summary>
internal sealed class EmptySchemaView : IDataView
{
    public EmptySchemaView(DataViewSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var builder = new DataViewSchema.Builder();
        foreach (var column in schema.Where(c => !c.IsHidden))
        {
            builder.AddColumn(column.Name, column.Type, column.Annotations);
        }

        Schema = builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => 0;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(Schema);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(Schema)];

    private sealed class Cursor(DataViewSchema schema) : DataViewRowCursor
    {
        public override DataViewSchema Schema => schema;

        public override long Position => -1;

        public override long Batch => 0;

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) =>
            throw new InvalidOperationException("an empty view has no rows to read");

        public override ValueGetter<DataViewRowId> GetIdGetter() => throw new InvalidOperationException("an empty view has no rows to read");

        public override bool MoveNext() => false;
    }
}
