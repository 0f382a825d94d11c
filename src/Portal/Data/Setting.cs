namespace Portal.Data;

/// <summary>Small coordinator-editable settings, such as the entry-code rotation interval.</summary>
public class Setting
{
    public required string Key { get; set; }

    public required string Value { get; set; }
}
