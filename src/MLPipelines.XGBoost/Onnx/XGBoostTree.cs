namespace MLPipelines.XGBoost.Onnx;

/// <summary>
/// One regression tree of an XGBoost model as stored in its JSON model: parallel arrays indexed by node id (node 0
/// is the root). A node is a leaf when <see cref="Left"/> is -1; its output is then <see cref="Condition"/> (XGBoost
/// keeps the split threshold and the leaf value in the same field). A split sends a row left when
/// <c>x[Feature] &lt; Condition</c>, and a missing value (NaN) to the left child when <see cref="DefaultLeft"/>.
/// </summary>
/// <param name="Target">The output this tree adds to: 0, or the class for multiclass (<c>tree_info</c>).</param>
internal sealed record XGBoostTree(int Target, int[] Left, int[] Right, int[] Feature, float[] Condition, bool[] DefaultLeft)
{
    public bool IsLeaf(int node) => Left[node] == -1;

    /// <summary>The nodes reachable from the root, parents before children (pruned nodes stay in the arrays but are unreachable).</summary>
    public IEnumerable<int> ReachableNodes()
    {
        var stack = new Stack<int>();
        stack.Push(0);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            if (!IsLeaf(node))
            {
                stack.Push(Right[node]);
                stack.Push(Left[node]);
            }
        }
    }
}
