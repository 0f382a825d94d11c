namespace Portal.Data;

/// <summary>
/// The part a participant played or plays in a cooperation: said by a catalogue contribution, an experience and an
/// offer. Stored by name. The numbers are the SQLite search index's role tokens ("l0" for a donor; migration
/// PostingRoleAndModality writes them, <c>SearchFacets</c> asks for them): never renumber.
/// </summary>
public enum CooperationRole
{
    Donor = 0,
    Recipient = 1,
    Both = 2,
    Implementer = 3,
}

/// <summary>How a cooperation was or is organised; several may apply. Flags, so that a filter is one bitwise test.</summary>
[Flags]
public enum CooperationModalities
{
    None = 0,
    Bilateral = 1 << 0,
    Regional = 1 << 1,
    Multilateral = 1 << 2,
    WithOrganisations = 1 << 3,
    SouthSouth = 1 << 4,
    Triangular = 1 << 5,
}
