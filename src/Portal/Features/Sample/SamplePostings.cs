using Portal.Data;

namespace Portal.Features.Sample;

/// <summary>One fictional posting for sample mode; dates are relative to the day the sample data is loaded.</summary>
public sealed record SamplePosting(
    string ParticipantCode, PostingKind Kind, string Title, string Summary, CcmAreas Areas, AssistanceTypes AssistanceTypes,
    string[] Countries, Regions ChosenRegions, decimal? Budget, string? Currency, string? Period, string ContactPoint,
    Visibility Visibility, int PublishedDaysAgo, int ValidForDays, string Body);

/// <summary>
/// Fictional needs, offers and experiences so that lists, filters, matching and reminders have something to show.
/// Places are real, projects and figures are invented; contacts use the reserved .test domain. Data, not logic:
/// this file is long on purpose and SamplePostingsTests guards its invariants.
/// </summary>
public static class SamplePostings
{
    public static readonly SamplePosting[] All =
    [
        // Needs: Lao PDR
        new(
            "LAO", PostingKind.Need,
            "Survey of cluster munition remnants in Xieng Khouang province",
            "The Lao PDR seeks support for non-technical and technical survey in three districts of Xieng Khouang whose records predate current national standards. The results would let clearance teams work only where contamination is confirmed and return cancelled land to villages quickly.",
            CcmAreas.ClearanceAndRiskEducation | CcmAreas.InformationManagement,
            AssistanceTypes.Financial | AssistanceTypes.Equipment,
            ["LAO"], Regions.None, 1_850_000m, "USD", "2026–2028",
            "Programme officer, National Regulatory Authority, survey.programme@lao.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 40, ValidForDays: 400,
            """
            ## Context and obligation concerned

            Xieng Khouang is among the provinces with the heaviest contamination by cluster munition remnants. Article 4 obliges the Lao PDR to clear and destroy remnants in areas under its jurisdiction, and the national strategy asks that clearance be guided by evidence from survey rather than by old suspicion. In Pek, Kham and Nonghet districts, much of the recorded suspected land was entered years ago with methods that no longer meet national standards.

            ## What is needed

            Two linked projects:

            1. **Non-technical survey** of about 180 villages, to confirm or cancel the suspected areas recorded before the current standards were adopted.
            2. **Technical survey** of the areas confirmed, using the national cluster munition remnants survey method, to set the boundaries that clearance teams will work within.

            | Item | Indicative cost (USD) |
            |---|---:|
            | Non-technical survey teams (6 teams, 24 months) | 540,000 |
            | Technical survey teams (4 teams, 24 months) | 820,000 |
            | Detectors, GPS units and vehicles | 310,000 |
            | Information management and quality assurance | 180,000 |
            | **Total** | **1,850,000** |

            ## What is already in place

            The National Regulatory Authority provides the survey standards, quality assurance officers and the national database. Provincial authorities will assign district liaison staff and organise village meetings. The government covers provincial office space and the salaries of its own staff.

            ## Expected results

            - Every suspected area in the three districts confirmed or cancelled, and recorded in the national database.
            - Confirmed hazardous areas mapped to national standards and handed to clearance operators in priority order.
            - Survey results returned to each village, so that farmers know which land they can use.

            ## Contact and next steps

            We would welcome a first discussion with interested partners in Vientiane or on the margins of the next intersessional meeting. The district survey plan and a concept note are available on request.
            """),
        new(
            "LAO", PostingKind.Need,
            "Risk education in primary schools of Savannakhet and Salavan provinces",
            "Funding and teacher training are sought to bring risk education into every primary school of twelve districts in southern Lao PDR. Lessons would be adapted to minority languages and reach girls and boys equally.",
            CcmAreas.ClearanceAndRiskEducation | CcmAreas.GenderAndDiversity,
            AssistanceTypes.Financial | AssistanceTypes.Training,
            ["LAO"], Regions.None, 420_000m, "USD", "From January 2027, 24 months",
            "Risk education focal point, National Regulatory Authority, risk.education@lao.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 12, ValidForDays: 380,
            """
            ## What is needed

            Support to bring **risk education** into the primary school programme of 12 districts in Savannakhet and Salavan:

            - a two-day teacher training module for about 900 primary teachers;
            - printed lesson materials in Lao and in two minority languages;
            - sessions designed so that girls and boys take part equally, with separate groups where local custom makes that more effective;
            - follow-up visits by provincial education officers in the second year.

            ## Context and obligation concerned

            Children who herd animals or collect scrap metal are among those most often hurt by cluster munition remnants. Risk education is part of the obligations under Article 4 and of the national strategy, but teachers in remote districts rarely receive training and printed materials run out quickly.

            ## What is already in place

            The Ministry of Education and Sports has approved the lesson content and will include the module in its in-service training. Village volunteers already hold community sessions in several of the districts.

            ## Expected results

            Every primary school in the 12 districts teaching at least four risk education lessons a year, and accidents involving children monitored against the current baseline.

            ## Contact and next steps

            Risk education focal point, National Regulatory Authority. A budget broken down by district can be shared.
            """),
        new(
            "LAO", PostingKind.Need,
            "Prosthetics and physical rehabilitation services at provincial hospitals",
            "The Lao PDR proposes to equip three provincial hospitals to fit and repair prosthetic and orthotic devices and to train the staff to run them. Survivors would no longer need to travel to the capital for most repairs and follow-up.",
            CcmAreas.VictimAssistance | CcmAreas.CapacityBuilding,
            AssistanceTypes.Equipment | AssistanceTypes.Training | AssistanceTypes.Financial,
            ["LAO"], Regions.None, 760_000m, "USD", "2026–2029",
            "Victim assistance unit, National Regulatory Authority, victim.assistance@lao.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 95, ValidForDays: 365,
            """
            ## Context and obligation concerned

            Article 5 asks each State Party to provide adequate assistance to cluster munition victims, including medical care, rehabilitation and psychological support. Survivors living in the northern and southern provinces often travel for two days to reach a centre that can fit or repair a prosthesis, and many stop using a device once it breaks.

            ## What is needed

            We propose to strengthen **prosthetics** and physical rehabilitation at three provincial hospitals, so that most repairs and follow-up can take place close to home.

            - **Workshops**: equipment and materials for three small orthopaedic workshops, using the polypropylene technology of the national centre.
            - **Training**: a two-year programme for six prosthetic and orthotic technicians and nine physiotherapists, combining courses at the national centre with supervised practice in the provinces.
            - **Outreach**: mobile visits twice a year to districts without a hospital, with transport support for people who need fitting.
            - **Referral**: one referral form shared by district health offices, village heads and survivors' groups.

            | Component | USD |
            |---|---:|
            | Workshop equipment and materials | 290,000 |
            | Training of technicians and physiotherapists | 210,000 |
            | Outreach and transport support | 190,000 |
            | Monitoring, supervision and evaluation | 70,000 |
            | **Total** | **760,000** |

            ## What is already in place

            The Ministry of Health pays the existing rehabilitation staff and will create the new positions once trained staff are available. The national rehabilitation centre will provide trainers and quality control. Survivors' representatives sit on the steering committee of the national victim assistance programme and have reviewed this proposal.

            ## Expected results

            - Repairs and adjustments available in three provinces, so that most users no longer travel to the capital.
            - About 600 people fitted or refitted during the project, with data broken down by sex, age and type of disability.
            - Trained staff kept on by the provincial hospitals after the project ends.

            ## Contact and next steps

            Victim assistance unit, National Regulatory Authority. We can arrange a visit to one of the proposed hospitals for interested partners.
            """),
        new(
            "LAO", PostingKind.Need,
            "Advice on migrating the national mine action database to a maintained platform",
            "The national mine action authority of the Lao PDR is looking for information management expertise to assess its database and plan a migration without losing historical records. Costs for hardware and hosting will be set out once the assessment is complete.",
            CcmAreas.InformationManagement | CcmAreas.CapacityBuilding,
            AssistanceTypes.Technical | AssistanceTypes.Expertise,
            ["LAO"], Regions.None, null, null, "2026–2027",
            "Head of information management, National Regulatory Authority, information.management@lao.sample.test",
            Visibility.StatesOnly, PublishedDaysAgo: 150, ValidForDays: 220,
            """
            ## Context and obligation concerned

            Reliable **information management** underpins everything the national mine action authority does: tasking operators, reporting under Article 7 and tracking progress against the Article 4 completion plan. Our database has grown over many years, and parts of it run on software that is no longer supported.

            ## What is needed

            Expertise rather than money at this stage:

            - an assessment of the current database, data flows and reporting needs (about four weeks of an experienced adviser);
            - advice on moving to a maintained platform without losing historical survey and clearance records;
            - mentoring for the national information management team during the first year after the move.

            Partners may later help with hardware and hosting; we will share costs once the assessment is done.

            ## What is already in place

            A team of eight national staff, national data-entry standards, and monthly data reconciliation with operators, who already submit survey and clearance results electronically.

            ## Contact and next steps

            Head of information management, National Regulatory Authority. We would be glad to hear from partners who have supported similar migrations elsewhere, including through South-South exchange.
            """),
        new(
            "LAO", PostingKind.Need,
            "Livelihood support for survivors and their families in Houaphanh province",
            "Small grants, vocational training and village savings groups are proposed for about 320 households affected by cluster munition accidents in Houaphanh. Places are reserved for women survivors and women heads of household.",
            CcmAreas.VictimAssistance | CcmAreas.GenderAndDiversity,
            AssistanceTypes.Financial,
            ["LAO"], Regions.None, 300_000m, "USD", "2026–2028",
            "Victim assistance unit, National Regulatory Authority, victim.assistance@lao.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 200, ValidForDays: 206,
            """
            ## Context and obligation concerned

            Survivors, and families who have lost a relative to cluster munition remnants, often lose their main source of income. Article 5 asks States to support the social and economic inclusion of victims, not only their medical care.

            ## What is needed

            Financial support for a livelihood programme in four districts of Houaphanh province:

            1. small grants for livestock, seeds or tools, chosen by each household;
            2. vocational training in tailoring, motorbike repair and food processing, with places reserved for women survivors and women heads of household;
            3. a revolving fund run by village savings groups, with survivors represented on each committee.

            ## What is already in place

            The provincial Labour and Social Welfare office has identified 320 eligible households from the national victim database. A survivors' association will help select participants and will follow them up.

            ## Expected results

            Higher and more regular income for participating households after two years, at least as many women as men taking part, and lessons written up for other provinces.

            ## Contact and next steps

            Victim assistance unit, National Regulatory Authority.
            """),
        new(
            "LAO", PostingKind.Need,
            "Clearance of agricultural land in five districts of Champasak province",
            "Following technical survey, the Lao PDR needs four additional clearance teams for three years to release confirmed hazardous areas on farmland, school grounds and irrigation routes in Champasak. Detectors suited to the local soils are also requested.",
            CcmAreas.ClearanceAndRiskEducation,
            AssistanceTypes.Financial | AssistanceTypes.Equipment,
            ["LAO"], Regions.None, 2_400_000m, "USD", "2027–2030",
            "Operations officer, National Regulatory Authority, operations@lao.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 60, ValidForDays: 540,
            """
            ## What is needed

            Funding for **four clearance teams** for three years, working on confirmed hazardous areas in five districts of Champasak province, and large-loop detectors that perform well in the iron-rich laterite soils of the area.

            | Item | USD |
            |---|---:|
            | Four clearance teams, 36 months | 1,860,000 |
            | Detectors and spare parts | 240,000 |
            | Vehicles and fuel | 190,000 |
            | Quality management and community liaison | 110,000 |
            | **Total** | **2,400,000** |

            ## Context and obligation concerned

            Technical survey in the province has confirmed contamination on land that villages depend on for rice, cassava and coffee. Several primary schools and two irrigation channels lie within or next to confirmed areas. Clearing this land is part of the Lao PDR's Article 4 obligations and of the provincial development plan.

            ## What is already in place

            The survey results are in the national database, with polygons and priority scores agreed with district authorities. A national operator already works in two of the five districts and can absorb new teams under its existing accreditation. The government contributes team leaders' salaries and provincial coordination.

            ## Expected results

            - About 1,100 hectares released and handed back to communities with a formal handover certificate.
            - Schools and irrigation channels cleared in the first year.
            - Each handover followed by a short post-clearance assessment of land use after six months.

            ## Contact and next steps

            Operations officer, National Regulatory Authority. Maps of the confirmed areas can be shared with partners who consider funding.
            """),

        // Needs: Lebanon
        new(
            "LBN", PostingKind.Need,
            "Clearance of cluster munition remnants in olive groves and farmland of southern Lebanon",
            "Lebanon seeks funding and equipment for clearance teams working on agricultural land in the south, where remnants prevent harvests and cause accidents among farmers. The request covers teams, detectors and vehicles for three years.",
            CcmAreas.ClearanceAndRiskEducation,
            AssistanceTypes.Financial | AssistanceTypes.Equipment,
            ["LBN"], Regions.None, 3_200_000m, "USD", "2026–2028",
            "Operations section, Lebanon Mine Action Centre, operations@lbn.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 30, ValidForDays: 500,
            """
            ## Context and obligation concerned

            Cluster munition remnants still contaminate olive groves, tobacco fields and orchards across southern Lebanon. Farmers who cannot wait for clearance sometimes harvest on contaminated land, and most recent accidents have happened during agricultural work. Under Article 4, Lebanon must clear and destroy these remnants as soon as possible, and the national strategy gives priority to land used for livelihoods.

            ## What is needed

            - Six clearance teams for three years, deployed according to the national priority list.
            - Detectors, vegetation cutters and protective equipment for those teams.
            - Four vehicles suited to terraced hillside terrain.
            - Community liaison officers who agree clearance schedules with farmers, so that work does not block a harvest.

            Budget summary (USD): teams 2,450,000; equipment 420,000; vehicles 210,000; liaison and quality assurance 120,000.

            ## What is already in place

            The Lebanon Mine Action Centre tasks all operators, carries out quality assurance and maintains the national database. The Lebanese Armed Forces provide explosive ordnance disposal support and storage for recovered items. Municipalities help identify landowners and confirm land use.

            ## Expected results

            *About 900,000 square metres* of agricultural land released over three years, accidents during farm work reduced, and land use checked one season after handover.

            ## Contact and next steps

            Operations section, Lebanon Mine Action Centre. A field visit can be arranged for partners during the dry season.
            """),
        new(
            "LBN", PostingKind.Need,
            "Legal review of national implementation legislation and Article 7 reporting",
            "Lebanon would welcome legal expertise to review draft national implementation legislation against Article 9 and to align the national report with the Article 7 format. A short advisory mission and written comments would be enough.",
            CcmAreas.NationalImplementation | CcmAreas.Transparency,
            AssistanceTypes.Legal | AssistanceTypes.Expertise,
            ["LBN"], Regions.None, null, null, "Six months from agreement",
            "Legal adviser, Ministry of Foreign Affairs and Emigrants, legal.affairs@lbn.sample.test",
            Visibility.StatesOnly, PublishedDaysAgo: 75, ValidForDays: 270,
            """
            ## Context and obligation concerned

            Article 9 asks each State Party to take all appropriate legal, administrative and other measures to implement the Convention, including penal sanctions. Lebanon has prepared a draft law that brings together provisions now spread across several decrees. Before it goes to Parliament, we would like an independent legal review.

            ## What is needed

            1. Written comments on the draft law, covering prohibitions, penal sanctions, retention for training and the role of the national mine action authority.
            2. A three-day advisory mission in Beirut, with a workshop for the ministries concerned.
            3. Advice on presenting the new legislation in the Article 7 report.

            No funding is requested: the ministry covers local costs and venues.

            ## What is already in place

            An inter-ministerial working group chaired by the Ministry of Foreign Affairs and Emigrants, including Defence, Justice, Interior and the Lebanon Mine Action Centre. The draft is available in Arabic and in an unofficial English translation.

            ## Contact and next steps

            Legal adviser, Ministry of Foreign Affairs and Emigrants. We would prefer experts from States that have recently adopted similar legislation.
            """),
        new(
            "LBN", PostingKind.Need,
            "Psychosocial support and peer networks for cluster munition survivors",
            "Lebanon seeks funding and training for a three-year programme of peer support, counselling and family outreach for survivors in the south and in the Bekaa. The programme would be run with a survivors' association and would take account of the different needs of women, men, girls and boys.",
            CcmAreas.VictimAssistance | CcmAreas.GenderAndDiversity,
            AssistanceTypes.Financial | AssistanceTypes.Training,
            ["LBN"], Regions.None, 540_000m, "USD", "From March 2026, 36 months",
            "Victim assistance officer, Lebanon Mine Action Centre, victim.assistance@lbn.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 180, ValidForDays: 365,
            """
            ## Context and obligation concerned

            Many survivors in Lebanon received emergency care and a prosthesis years ago but never had psychological support. Consultations with survivors show isolation, unemployment and family strain as their main concerns. Article 5 includes psychological support and social inclusion in **victim assistance**, and the national victim assistance strategy makes them a priority.

            ## What is needed

            - **Peer support**: train 30 survivors as peer supporters, with supervision from qualified counsellors.
            - **Counselling**: fund two part-time counsellors for referrals that peer supporters cannot handle.
            - **Families**: home visits and group sessions for spouses and children, who often carry the burden of care.
            - **Gender**: separate groups for women where they prefer it, and attention to boys injured as children who are now young adults.

            ## What is already in place

            A national survivors' association has members in most affected districts and has run informal peer meetings on its own resources. The Ministry of Social Affairs will host sessions in its social development centres.

            ## Expected results

            At least 400 survivors and family members reached, a network of trained peer supporters that continues after the project, and a referral pathway to mental health services written into the national strategy.

            ## Contact and next steps

            Victim assistance officer, Lebanon Mine Action Centre. A detailed proposal prepared with the survivors' association is ready.
            """),
        new(
            "LBN", PostingKind.Need,
            "Training in quality management for mine action centre staff",
            "Lebanon requests training and mentoring so that its quality assurance and quality control officers can apply the latest national standards to cluster munition survey and clearance. A short course followed by field mentoring is proposed.",
            CcmAreas.CapacityBuilding | CcmAreas.ClearanceAndRiskEducation,
            AssistanceTypes.Training | AssistanceTypes.Expertise,
            ["LBN"], Regions.None, 150_000m, "EUR", "2026–2027",
            "Training officer, Lebanon Mine Action Centre, training@lbn.sample.test",
            Visibility.StatesOnly, PublishedDaysAgo: 280, ValidForDays: 285,
            """
            ## What is needed

            A training package for 16 quality management officers:

            | Component | EUR |
            |---|---:|
            | Two-week course on quality management of survey and clearance | 55,000 |
            | Six months of field mentoring by an experienced adviser | 70,000 |
            | Translation of course materials into Arabic | 10,000 |
            | Refresher workshop after one year | 15,000 |
            | **Total** | **150,000** |

            ## Context and obligation concerned

            National standards were revised to reflect land release by survey and to introduce risk-based sampling after clearance. Officers trained under the previous standards need to apply the new rules consistently, so that released land is trusted by communities and by donors.

            ## What is already in place

            The Lebanon Mine Action Centre has a training unit and classrooms, and several officers already teach at the regional level. Operators have agreed to host mentoring visits on their sites.

            ## Contact and next steps

            Training officer, Lebanon Mine Action Centre.
            """),
        new(
            "LBN", PostingKind.Need,
            "Replacement of survey vehicles and detection equipment",
            "Much of the equipment used by Lebanese survey teams is more than ten years old. Lebanon seeks donations of vehicles, detectors and communication equipment so that survey capacity does not fall in the coming years.",
            CcmAreas.ClearanceAndRiskEducation | CcmAreas.CapacityBuilding,
            AssistanceTypes.Equipment,
            ["LBN"], Regions.None, 680_000m, "USD", "Delivery within 12 months",
            "Logistics officer, Lebanon Mine Action Centre, logistics@lbn.sample.test",
            Visibility.StatesOnly, PublishedDaysAgo: 20, ValidForDays: 365,
            """
            ## Context and obligation concerned

            Survey teams are the first step of land release in Lebanon. Their vehicles and detectors have been in service for more than ten years, spare parts are hard to find, and breakdowns already cost working days each month.

            ## What is needed

            - 8 four-wheel-drive vehicles with rollover protection;
            - 40 detectors of a model already approved under national standards, with training for maintenance staff;
            - 20 handheld radios and 8 satellite communication devices for teams working in areas without coverage;
            - first aid kits to the national standard for every team.

            Equipment may be given in kind or funded; Lebanon will handle customs clearance and registration.

            ## What is already in place

            A maintenance workshop, a logistics officer and an asset register. Equipment donated in the past has been tracked and reported on until its retirement.

            ## Contact and next steps

            Logistics officer, Lebanon Mine Action Centre. A full technical specification is available.
            """),

        // Needs: Iraq
        new(
            "IRQ", PostingKind.Need,
            "Destruction of cluster munitions recovered from abandoned storage sites",
            "Iraq seeks technical advice, equipment and expert support to destroy cluster munitions found in abandoned military storage sites, safely and in line with its obligations. A mobile demolition capability and training for national teams are requested.",
            CcmAreas.StockpileDestruction | CcmAreas.ClearanceAndRiskEducation,
            AssistanceTypes.Technical | AssistanceTypes.Equipment | AssistanceTypes.Expertise,
            ["IRQ"], Regions.None, 950_000m, "USD", "2026–2027",
            "Technical adviser, Directorate of Mine Action, technical@irq.sample.test",
            Visibility.StatesOnly, PublishedDaysAgo: 110, ValidForDays: 365,
            """
            ## Context and obligation concerned

            Clearance of former military sites regularly uncovers cluster munitions that were stored but never used. They have to be recorded, moved to a safe location and destroyed. Article 3 on **stockpile destruction** applies to munitions under the State's control, and Article 7 requires that they be reported with their destruction.

            ## What is needed

            1. A technical assessment of the items found so far, their condition and the safest destruction method for each type.
            2. A mobile demolition capability: bunded demolition pits, remote firing equipment and transport suited to damaged munitions.
            3. Training and mentoring for two national teams, with a focus on submunition handling and environmental safeguards.
            4. Advice on recording destroyed items for the Article 7 report.

            ## What is already in place

            National explosive ordnance disposal teams, a temporary storage site with guard force, and a register of recovered items kept by the Directorate of Mine Action.

            ## Expected results

            All recovered cluster munitions destroyed within 18 months, with each destruction documented and reported, and a national capability that can handle further finds without outside support.

            ## Contact and next steps

            Technical adviser, Directorate of Mine Action. Because of the nature of the information, details are shared with States only, on request.
            """),
        new(
            "IRQ", PostingKind.Need,
            "Non-technical survey in Basra and Muthanna governorates",
            "Iraq needs funding and technical support for non-technical survey in two southern governorates where cluster munition strikes were recorded but never surveyed systematically. The survey would produce a reliable baseline for clearance planning.",
            CcmAreas.ClearanceAndRiskEducation | CcmAreas.InformationManagement,
            AssistanceTypes.Financial | AssistanceTypes.Technical,
            ["IRQ"], Regions.None, 1_600_000m, "USD", "2026–2028",
            "Planning department, Directorate of Mine Action, planning@irq.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 50, ValidForDays: 450,
            """
            ## Context and obligation concerned

            Large parts of Basra and Muthanna were struck with cluster munitions in past conflicts. Some strike areas were cleared on an emergency basis, but there has never been a systematic **non-technical survey** of the two governorates. Without a reliable baseline, Iraq cannot give a credible estimate of remaining contamination under Article 4 or plan clearance by priority.

            ## What is needed

            | Component | USD |
            |---|---:|
            | Eight non-technical survey teams, 24 months | 960,000 |
            | Survey team training, including on gender-sensitive interviewing | 120,000 |
            | Vehicles, GPS and tablets for data collection | 280,000 |
            | Information management support and data quality checks | 160,000 |
            | Community liaison and risk education during survey | 80,000 |
            | **Total** | **1,600,000** |

            Survey teams should be mixed, so that women in rural communities can be interviewed by women.

            ## What is already in place

            The Directorate of Mine Action and the regional mine action centre for the south will task and supervise teams. Historical strike data from national and international sources have been compiled into a single layer in the national database.

            ## Expected results

            - A list of confirmed and cancelled suspected areas for both governorates.
            - A revised national estimate of cluster munition contamination for the next Article 7 report.
            - A prioritised clearance plan shared with partners.

            ## Contact and next steps

            Planning department, Directorate of Mine Action. We are open to proposals from operators and from donors wishing to fund part of the survey.
            """),
        new(
            "IRQ", PostingKind.Need,
            "Risk education for displaced and returning families in Ninewa governorate",
            "Iraq seeks support for risk education aimed at families returning to areas of Ninewa affected by explosive ordnance, including cluster munition remnants. The project would use community volunteers, schools and health centres and adapt messages to women, men, girls and boys.",
            CcmAreas.ClearanceAndRiskEducation | CcmAreas.GenderAndDiversity,
            AssistanceTypes.Financial | AssistanceTypes.Training,
            ["IRQ"], Regions.None, 380_000m, "EUR", "From September 2026, 18 months",
            "Risk education coordinator, Directorate of Mine Action, risk.education@irq.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 8, ValidForDays: 300,
            """
            ## Context and obligation concerned

            Families returning to villages in Ninewa often find their homes and fields contaminated before clearance has reached them. Returnees, especially children and young men working in agriculture and scrap collection, face the greatest risk.

            ## What is needed

            - Training of 60 community volunteers, half of them women, to deliver **risk education** sessions.
            - Sessions in schools, health centres and at return points, with messages adapted to each audience.
            - Simple printed materials and short audio messages in Arabic, Kurdish and Syriac.
            - A reporting line so that residents can report suspicious items to the regional mine action centre.

            ## What is already in place

            The Directorate of Mine Action has national risk education standards and approved messages. The education directorate of Ninewa has agreed to include sessions in the school calendar.

            ## Expected results

            At least 45,000 people reached in 18 months, reports of suspicious items followed up by clearance teams, and results broken down by sex and age.

            ## Contact and next steps

            Risk education coordinator, Directorate of Mine Action.
            """),
        new(
            "IRQ", PostingKind.Need,
            "National victim assistance database and referral pathway",
            "Iraq would like to build a single database of explosive ordnance victims shared by health, social affairs and mine action authorities, with a referral pathway to services. Technical support, expertise and funding are requested.",
            CcmAreas.VictimAssistance | CcmAreas.InformationManagement,
            AssistanceTypes.Technical | AssistanceTypes.Expertise | AssistanceTypes.Financial,
            ["IRQ"], Regions.None, 450_000m, "USD", "2026–2027",
            "Victim assistance department, Directorate of Mine Action, victim.assistance@irq.sample.test",
            Visibility.StatesOnly, PublishedDaysAgo: 230, ValidForDays: 250,
            """
            ## Context and obligation concerned

            Information about victims is held separately by hospitals, the Ministry of Labour and Social Affairs and the mine action authorities. The same person may appear three times or not at all, and nobody can say with confidence how many survivors need which services. Article 5 requires States to collect reliable data and assess the needs of cluster munition victims.

            ## What is needed

            1. Design of a shared victim database with agreed data fields, consent rules and access rights.
            2. Software, hosting and data protection safeguards.
            3. Training for data officers in the ministries and governorates.
            4. A referral pathway so that each registered survivor is referred to health, rehabilitation, psychosocial or economic services as needed.

            Indicative budget: USD 450,000 over two years, of which about a third for software and hosting.

            ## Expected results

            A single, protected record per victim; regular needs reports for planning; and survivors referred to services within a set time after registration.

            ## Contact and next steps

            Victim assistance department, Directorate of Mine Action. We would value the experience of States that have built similar shared databases.
            """),
        new(
            "IRQ", PostingKind.Need,
            "Support for Article 7 transparency reporting across national agencies",
            "Iraq asks for expertise and training to improve how information is gathered from several agencies for its annual Article 7 transparency report. The aim is a complete, consistent and timely report.",
            CcmAreas.Transparency | CcmAreas.InformationManagement | CcmAreas.CapacityBuilding,
            AssistanceTypes.Expertise | AssistanceTypes.Training,
            ["IRQ"], Regions.None, null, null, "Before the next reporting deadline, then yearly",
            "International cooperation section, Directorate of Mine Action, cooperation@irq.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 140, ValidForDays: 400,
            """
            ## Context and obligation concerned

            The Article 7 report brings together information held by the Directorate of Mine Action, the regional mine action authority, the Ministry of Defence and the Ministry of Health. Each uses its own formats and calendar, so the report is compiled under time pressure and some sections are left incomplete.

            ## What is needed

            - A one-week workshop with all contributing agencies on what each section of the reporting format requires, using the guidance available on the [Convention's website](https://www.clusterconvention.org/).
            - A shared data template and a calendar agreed by the agencies.
            - Remote support from an experienced adviser during the next two reporting cycles.

            ## What is already in place

            A reporting focal point in each agency and a steering committee that meets quarterly.

            ## Expected results

            Complete reports submitted on time, with figures that match between sections and between years.

            ## Contact and next steps

            International cooperation section, Directorate of Mine Action.
            """),

        // Offers: Germany
        new(
            "DEU", PostingKind.Offer,
            "Humanitarian mine action funding for 2027: call for project proposals",
            "Germany invites project proposals for clearance, risk education and victim assistance to be funded in 2027. Proposals may come from affected States or from operators working with them, and must fit the national strategy of the State concerned.",
            CcmAreas.ClearanceAndRiskEducation | CcmAreas.VictimAssistance | CcmAreas.CooperationAndAssistance,
            AssistanceTypes.Financial,
            [], Regions.Global, 12_000_000m, "EUR", "Calendar year 2027",
            "Humanitarian mine action desk, Federal Foreign Office, mine.action@deu.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 25, ValidForDays: 200,
            """
            ## What is offered

            Funding for projects that help affected States meet their obligations under Articles 4 and 5. For 2027, about **EUR 12 million** is available for new projects across all regions. Typical grants range from EUR 300,000 to EUR 2 million a year; multi-year projects are possible subject to budget approval.

            Priority areas:

            - survey and clearance of cluster munition remnants, with land release by survey wherever possible;
            - risk education linked to survey and clearance in the same area;
            - **victim assistance** integrated into national health, disability and social protection systems.

            ## Eligibility

            - Projects in States Parties, and in signatory States that have stated their intention to ratify.
            - Implementing partners may be national authorities, international or national non-governmental organisations, or international organisations, provided they are accredited by the national mine action authority where accreditation applies.
            - Each proposal needs a written statement of support from the national authority of the State concerned.

            ## How to apply

            1. Send a short concept note (three pages at most) describing the problem, the activities, the expected results and an indicative budget.
            2. Concept notes are reviewed within six weeks; selected applicants are invited to submit a full proposal.
            3. Full proposals follow the standard federal grant format, which we send with the invitation.

            Concept notes received by the end of the third quarter are considered for funding starting in January.

            ## Conditions and reporting

            | Requirement | Detail |
            |---|---|
            | Own contribution | At least 5 % of total costs, in cash or in kind |
            | Narrative reports | Every six months and at the end |
            | Financial report | Annual, with an audit for grants above EUR 500,000 |
            | Visibility | Results shared with the national authority and reported under Article 7 where relevant |

            Gender and diversity considerations must be shown in the design and in the results data.

            ## Questions we are often asked

            - *Can a national authority apply for its own work?* Yes. Support for coordination, **information management** or quality management is eligible when it is linked to survey, clearance or victim assistance.
            - *Can one proposal cover several countries?* Yes, if the activities in each country are described and endorsed separately.
            - *Is equipment eligible?* Yes, as part of a project. Equipment stays in the country when the project ends.
            - *Can other donors co-fund the same project?* Yes, and we welcome it. Show every contribution in the budget so that no cost is funded twice.

            ## Contact

            Humanitarian mine action desk, Federal Foreign Office.
            """),
        new(
            "DEU", PostingKind.Offer,
            "Technical advisers for national mine action authorities in Africa",
            "Germany can second experienced advisers to national mine action authorities in Africa for six to twenty-four months. Advisers work inside the authority on planning, information management, standards or quality management.",
            CcmAreas.CapacityBuilding | CcmAreas.InformationManagement,
            AssistanceTypes.Expertise | AssistanceTypes.Technical,
            [], Regions.Africa, null, null, "Assignments of 6 to 24 months, 2026–2028",
            "Capacity development section, Federal Foreign Office, advisers@deu.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 70, ValidForDays: 400,
            """
            ## What is offered

            Up to four advisers at a time, seconded to national mine action authorities. The adviser's salary, travel and insurance are covered; the host authority provides an office and a national counterpart. Fields of expertise include:

            - strategic planning and completion plans under Article 4;
            - **information management**, including database design and reporting;
            - national standards and quality management;
            - resource mobilisation and coordination with partners.

            ## Eligibility

            States Parties in Africa with remaining cluster munition contamination, or with a victim assistance programme, and a national authority in place. Preference goes to requests that name a national counterpart who will take over the adviser's tasks.

            ## How to apply

            A letter from the national authority describing the tasks, the expected duration and the counterpart. We discuss the request with the authority, agree terms of reference and aim to deploy within four months.

            ## Conditions and reporting

            The adviser reports to the head of the national authority. A joint review takes place every six months, and a short handover report is written at the end of the assignment.

            ## Contact

            Capacity development section, Federal Foreign Office.
            """),
        new(
            "DEU", PostingKind.Offer,
            "Support for the destruction of remaining cluster munition stockpiles",
            "Germany offers funding, technical advice and experts to States Parties that still have cluster munitions to destroy under Article 3. Support can cover planning, destruction, environmental safeguards and reporting.",
            CcmAreas.StockpileDestruction | CcmAreas.Transparency,
            AssistanceTypes.Financial | AssistanceTypes.Technical | AssistanceTypes.Expertise,
            [], Regions.Global, 2_000_000m, "EUR", "2026–2028",
            "Arms control and disarmament division, Federal Foreign Office, stockpiles@deu.sample.test",
            Visibility.StatesOnly, PublishedDaysAgo: 160, ValidForDays: 365,
            """
            ## What is offered

            Support for **stockpile destruction** from the first inventory to the final report:

            - a technical assessment of the stockpile and of suitable destruction methods (open detonation, disassembly and recycling, or industrial destruction);
            - funding for destruction, transport and environmental monitoring, up to a total of EUR 2 million over three years;
            - experts to advise on safety, documentation and verification of destruction;
            - help with reporting progress and completion under Article 7.

            ## Eligibility

            States Parties with stockpiles still to destroy, and signatory States preparing for ratification that wish to plan destruction in advance. We also consider requests concerning munitions retained for training under Article 3, paragraph 6.

            ## How to apply

            Contact the division to discuss the stockpile and the support needed. Because stockpile data are sensitive, a first exchange can take place bilaterally in Geneva or in the capital before any written request.

            ## Conditions and reporting

            Destruction must follow international safety and environmental standards. Progress is reported every six months, and completion is documented so that it can be declared in the Article 7 report.

            ## Contact

            Arms control and disarmament division, Federal Foreign Office.
            """),
        new(
            "DEU", PostingKind.Offer,
            "Training courses for explosive ordnance disposal supervisors and team leaders",
            "Places on courses for supervisors and team leaders working on survey and clearance of cluster munition remnants are offered to staff of national authorities and operators in Africa and Asia. Course fees, travel and accommodation are covered.",
            CcmAreas.ClearanceAndRiskEducation | CcmAreas.CapacityBuilding,
            AssistanceTypes.Training,
            [], Regions.Africa | Regions.Asia, null, null, "Two intakes a year, 2026–2027",
            "Training coordination, Federal Foreign Office, training@deu.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 90, ValidForDays: 300,
            """
            ## What is offered

            Up to 24 places a year on courses delivered by an accredited training institution:

            - **Team leader course** (four weeks): planning a task, site layout, supervision of searchers, casualty evacuation.
            - **Supervisor course** (three weeks): quality control, land release decisions, reporting.
            - **Submunition disposal module** (two weeks): identification, render-safe procedures and destruction of submunitions.

            Courses are taught in English or French; a few places with Arabic interpretation can be arranged.

            ## Eligibility

            Nominees must be employed by a national mine action authority or by an operator accredited in a State in Africa or Asia, and already hold the qualification below the course level. We encourage nominating women.

            ## How to apply

            The national authority sends a nomination with the candidate's qualifications at least three months before the course starts. Course dates are sent to authorities each year.

            ## Conditions and reporting

            Graduates are expected to remain with their organisation for at least one year and to pass on what they learned to their teams.

            ## Contact

            Training coordination, Federal Foreign Office.
            """),
        new(
            "DEU", PostingKind.Offer,
            "Legal drafting assistance for national implementation measures",
            "Germany offers legal experts to help States draft or review national legislation implementing the Convention under Article 9, and to advise signatory and non-party States on the steps towards ratification or accession.",
            CcmAreas.NationalImplementation | CcmAreas.Universalization,
            AssistanceTypes.Legal | AssistanceTypes.Expertise,
            [], Regions.Global, null, null, "On request",
            "Legal division, Federal Foreign Office, legal.assistance@deu.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 200, ValidForDays: 400,
            """
            ## What is offered

            - Review of draft laws, decrees and regulations, with written comments in English, French or Spanish.
            - Model provisions on prohibitions, penal sanctions, retention for training and the powers of national authorities.
            - Short advisory missions (two to five days) with the ministries concerned.
            - For States considering ratification or accession: a briefing on the obligations involved and the practical steps, which may be held jointly with the Implementation Support Unit.

            ## Eligibility

            Any State Party, signatory or non-party State that asks for it. There is no financial contribution; the host arranges meetings with its ministries.

            ## How to apply

            A short request by e-mail describing the text to review or the question to discuss. We reply within four weeks with a proposal for the support.

            ## Conditions and reporting

            Advice is given in confidence: the State decides what to adopt and how to present it. At the end of a mission the experts leave a short written summary of their recommendations. We would be glad to hear later whether the legislation was adopted, so that the experience can help others, but there is no reporting obligation.

            ## Contact

            Legal division, Federal Foreign Office.
            """),

        // Offers: Norway
        new(
            "NOR", PostingKind.Offer,
            "Multi-year funding for clearance and risk education in South-East Asia",
            "Norway offers multi-year funding for survey, clearance and risk education in Lao PDR, Viet Nam and Cambodia. Projects should contribute to a national completion plan and show how land release will be measured.",
            CcmAreas.ClearanceAndRiskEducation | CcmAreas.CooperationAndAssistance,
            AssistanceTypes.Financial,
            ["LAO", "VNM", "KHM"], Regions.None, 60_000_000m, "NOK", "2027–2030",
            "Section for humanitarian affairs, Ministry of Foreign Affairs, humanitarian.disarmament@nor.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 45, ValidForDays: 330,
            """
            ## What is offered

            Up to **NOK 60 million** over four years for survey, clearance and **risk education** in three countries. Grants run for three to four years so that partners can plan staffing and equipment with confidence.

            ## Eligibility

            - Projects in Lao PDR, Viet Nam or Cambodia.
            - Applicants may be national authorities or operators working under national coordination.
            - Projects must contribute to a national completion plan or, where none exists yet, help prepare one.

            ## How to apply

            1. A concept note of up to five pages, endorsed by the national authority.
            2. Dialogue with the ministry on the concept note, usually within two months.
            3. A full application using the ministry's grant template.

            Applications are accepted until the end of the first quarter of each year for funding from the following year.

            ## Conditions and reporting

            - Annual narrative and financial reports, with an external audit.
            - Results reported in square metres released, items destroyed and people reached by risk education, broken down by sex and age.
            - Data shared with the national database.

            ## Contact

            Section for humanitarian affairs, Ministry of Foreign Affairs.
            """),
        new(
            "NOR", PostingKind.Offer,
            "Small grants for victim assistance projects led by survivors' organisations",
            "Norway offers grants of up to NOK 400,000 to organisations of survivors and persons with disabilities for victim assistance projects they design and run themselves. The scheme favours first-time applicants and organisations led by women.",
            CcmAreas.VictimAssistance | CcmAreas.GenderAndDiversity,
            AssistanceTypes.Financial,
            [], Regions.Global, 4_000_000m, "NOK", "Projects of 12–18 months starting in 2027",
            "Section for humanitarian affairs, Ministry of Foreign Affairs, small.grants@nor.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 150, ValidForDays: 240,
            """
            ## What is offered

            A small-grants window of NOK 4 million in total, with grants of **NOK 50,000 to 400,000** per project. Examples of projects we would like to support:

            - peer support and counselling by survivors for survivors;
            - advocacy for access to health, rehabilitation and employment;
            - income-generating activities run by survivors' groups;
            - training that helps organisations manage funds and report.

            ## Eligibility

            Organisations of cluster munition survivors, or of persons with disabilities that include survivors, registered in a State Party. Organisations led by women and first-time applicants are given priority. Governments may not apply directly, but may recommend organisations.

            ## How to apply

            A simple two-page application form, accepted in English, French, Spanish or Arabic. We answer every application. Applicants that are not selected are told why.

            ## Conditions and reporting

            One short report at the end of the project, with photographs if the participants agree. No audit is required below NOK 200,000.

            ## Contact

            Section for humanitarian affairs, Ministry of Foreign Affairs.
            """),
        new(
            "NOR", PostingKind.Offer,
            "Gender and diversity advisers for mine action programmes",
            "Norway can fund short missions of advisers who help national authorities and operators bring gender and diversity into survey, clearance, risk education and victim assistance. Missions last from two to six weeks.",
            CcmAreas.GenderAndDiversity | CcmAreas.CapacityBuilding,
            AssistanceTypes.Expertise | AssistanceTypes.Training,
            [], Regions.Global, null, null, "Missions of two to six weeks, 2026–2027",
            "Section for humanitarian affairs, Ministry of Foreign Affairs, gender.advisers@nor.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 3, ValidForDays: 365,
            """
            ## What is offered

            Advisers with experience in mine action and **gender** and diversity, deployed at our cost for two to six weeks. Typical tasks:

            - reviewing national standards and strategies;
            - training survey teams to consult women, men, girls and boys, older people and persons with disabilities;
            - setting up data collection broken down by sex, age and disability;
            - advising on recruitment and retention of women in operational roles.

            ## Eligibility

            National mine action authorities of States Parties, and operators with the agreement of the national authority.

            ## How to apply

            A short e-mail describing the task and the preferred period. We propose an adviser within six weeks.

            ## Conditions and reporting

            The host names a counterpart who works with the adviser throughout the mission. The adviser leaves a short report with practical recommendations, and we offer a follow-up call after six months to see what was taken up.

            Earlier missions of this kind helped an authority add questions on disability to its casualty data form, and helped an operator rewrite job descriptions so that women could apply for deminer positions.

            ## Contact

            Section for humanitarian affairs, Ministry of Foreign Affairs.
            """),
        new(
            "NOR", PostingKind.Offer,
            "Information management advisers for national authorities",
            "Norway offers funding for information management advisers and software support for national authorities in Somalia, Chad and Colombia. The aim is reliable data for planning and for Article 7 reporting.",
            CcmAreas.InformationManagement | CcmAreas.Transparency,
            AssistanceTypes.Technical | AssistanceTypes.Expertise,
            ["SOM", "TCD", "COL"], Regions.None, 5_500_000m, "NOK", "2026–2028",
            "Section for humanitarian affairs, Ministry of Foreign Affairs, information.management@nor.sample.test",
            Visibility.StatesOnly, PublishedDaysAgo: 120, ValidForDays: 365,
            """
            ## What is offered

            Funding of up to NOK 5.5 million over three years for:

            - a resident or regularly visiting information management adviser;
            - software licences, hosting and data backup;
            - training for national staff in data entry, analysis and mapping;
            - support to prepare the figures for transparency reports.

            Where useful, the adviser can also help link mine action data with health and social services data for victim assistance, under data protection rules agreed with the ministries concerned.

            ## Eligibility

            The national authorities of Somalia, Chad and Colombia. Other States may contact us; we will consider extending the offer if funds allow.

            ## Conditions and reporting

            The authority designates a national counterpart for the adviser and commits to keep the system running after the project. Reports every six months; an external review at the end.

            ## How to apply

            A letter from the national authority to the embassy or directly to the ministry, with a description of the current system and the main gaps. Please say who hosts the system today and how it is backed up.

            ## Contact

            Section for humanitarian affairs, Ministry of Foreign Affairs.
            """),
        new(
            "NOR", PostingKind.Offer,
            "Funding for universalization dialogues in Asia and the Pacific",
            "Norway offers to fund regional and national dialogues that bring together officials from States Parties and States not yet party in Asia and the Pacific. The dialogues would discuss the humanitarian case for the Convention and the practical steps to join it.",
            CcmAreas.Universalization | CcmAreas.CooperationAndAssistance,
            AssistanceTypes.Financial,
            [], Regions.Asia | Regions.Oceania, 2_500_000m, "NOK", "2026–2027",
            "Section for arms control, Ministry of Foreign Affairs, universalization@nor.sample.test",
            Visibility.StatesOnly, PublishedDaysAgo: 260, ValidForDays: 330,
            """
            ## What is offered

            Several States in Asia and the Pacific share the humanitarian aims of the Convention but have not yet joined it, often for reasons of capacity rather than policy. Dialogues among neighbours have proved more useful than large conferences. We offer funding for up to six events over two years:

            - regional dialogues for officials from foreign affairs, defence and justice;
            - national round tables organised by a State Party with a neighbouring State not yet party;
            - travel for officials from small island States, for whom distance is the main obstacle.

            ## Eligibility

            States Parties in Asia and the Pacific willing to host an event, and regional organisations working with them. Events should be planned together with the Implementation Support Unit and the Convention's universalization coordinators.

            ## How to apply

            An outline of the event (participants, agenda, budget) at least four months before the proposed date.

            ## Conditions and reporting

            A short report after each event, including the follow-up agreed by participants. Funds cover travel, venues, interpretation and modest working meals.

            ## Contact

            Section for arms control, Ministry of Foreign Affairs.
            """),
        new(
            "NOR", PostingKind.Offer,
            "Equipment grants for survey and clearance operators",
            "Norway offers grants for detectors, vehicles, medical equipment and communication equipment for survey and clearance teams working under national coordination in Afghanistan, Somalia, Chad and Colombia. Requests are reviewed quarterly.",
            CcmAreas.ClearanceAndRiskEducation,
            AssistanceTypes.Equipment | AssistanceTypes.Financial,
            ["AFG", "SOM", "TCD", "COL"], Regions.None, 8_000_000m, "NOK", "Requests reviewed quarterly, 2026–2027",
            "Section for humanitarian affairs, Ministry of Foreign Affairs, equipment.grants@nor.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 35, ValidForDays: 400,
            """
            ## What is offered

            Grants to buy equipment for teams working on survey and clearance of cluster munition remnants and other explosive ordnance: detectors, vehicles, medical kits, radios and protective equipment. Grants are usually between NOK 300,000 and NOK 1.5 million.

            ## Eligibility

            - Operators accredited to work in Afghanistan, Somalia, Chad or Colombia, tasked through national coordination or, where no national authority functions, through the recognised coordination body.
            - Equipment must be used for humanitarian survey and clearance only.

            ## How to apply

            Send a request with a list of equipment, quotations from two suppliers and a letter confirming tasking. Requests received by the end of each quarter are decided within six weeks.

            ## Conditions and reporting

            Equipment is registered in the operator's asset list and its use is reported once a year. When a project ends, the equipment stays in the country with the national authority or another accredited operator.

            ## Contact

            Section for humanitarian affairs, Ministry of Foreign Affairs.
            """),

        // Offer: Implementation Support Unit
        new(
            "isu", PostingKind.Offer,
            "Sponsored places at a regional workshop on reporting and cooperation in Africa",
            "The Implementation Support Unit offers sponsored places at a three-day regional workshop for African States on Article 7 reporting, requests for assistance and the cooperation portal. States not yet party are welcome to attend.",
            CcmAreas.CooperationAndAssistance | CcmAreas.Transparency | CcmAreas.Universalization,
            AssistanceTypes.Training | AssistanceTypes.Financial,
            [], Regions.Africa, 60_000m, "CHF", "Three days in the second half of 2026",
            "Implementation Support Unit, workshops@isu.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 1, ValidForDays: 120,
            """
            ## What is offered

            A three-day regional workshop, with sponsorship for **two officials per State** (travel and accommodation) within a total of CHF 60,000 made available by donors. The programme covers:

            1. preparing and submitting the annual Article 7 report;
            2. writing a clear request for assistance, and publishing it as a need on this portal;
            3. meeting donors present at the workshop in short bilateral sessions;
            4. for States not yet party, an exchange on the steps towards joining the Convention.

            ## Eligibility

            States in Africa, whether party, signatory or not yet party. Sponsorship is given first to States that have not reported recently or have not yet published on the portal. We encourage delegations that include women.

            ## How to apply

            A nomination note from the Permanent Mission in Geneva or the capital, with the names and functions of the participants, at least eight weeks before the workshop. Background documents are sent with the confirmation of each place.

            ## Contact

            Implementation Support Unit.
            """),

        // Experiences: affected States
        new(
            "LAO", PostingKind.Experience,
            "A village volunteer network for risk education and reporting of remnants",
            "Over four years, the Lao PDR trained volunteers in some 400 villages to deliver risk education and report remnants to clearance teams, with a civil society partner and bilateral donor funding. Reporting rose sharply, and involving women volunteers changed who was reached.",
            CcmAreas.ClearanceAndRiskEducation | CcmAreas.GenderAndDiversity,
            AssistanceTypes.Training,
            ["LAO"], Regions.None, null, null, "2021–2025",
            "Risk education focal point, National Regulatory Authority, risk.education@lao.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 300, ValidForDays: 730,
            """
            ## The project

            Between 2021 and 2025 the National Regulatory Authority built a network of village volunteers in six provinces. Each volunteer received five days of training, a simple kit (flip charts, a reporting book, a mobile phone credit allowance) and a refresher every year. Volunteers held **risk education** sessions at village meetings, in schools and at markets, and passed reports of remnants found by villagers to the district clearance teams.

            Our role was that of recipient and coordinator: the authority designed the curriculum and supervised the network, a national non-governmental organisation ran the training, and a bilateral donor funded most of the costs.

            ## Modality

            Bilateral funding, implemented with civil society under national coordination.

            ## What worked

            - **Local people as messengers.** Villagers trusted a neighbour more than a visiting team, and volunteers could repeat messages at the moments that mattered, such as before the planting season.
            - **Reporting as well as teaching.** Because volunteers also took reports, clearance teams received many more call-outs for items found near houses and fields, and most were dealt with within two weeks.
            - **Women volunteers.** At the start, nearly all volunteers were men, usually the village head's choice. When we asked each village to nominate one woman and one man, sessions began to reach women who collect firewood and forest products, a group we had missed.
            - **Small, regular support.** The phone credit cost little but kept volunteers in contact and motivated.

            ## Some figures

            | Year | Villages covered | Volunteers trained | Women among volunteers | Reports passed to clearance teams |
            |---|---:|---:|---:|---:|
            | 2021 | 110 | 220 | 9 % | 640 |
            | 2022 | 210 | 420 | 27 % | 1,480 |
            | 2023 | 320 | 640 | 41 % | 2,150 |
            | 2024 | 400 | 800 | 48 % | 2,390 |

            ## What was difficult

            - Turnover: about a fifth of volunteers left each year, mostly young people moving to towns for work.
            - Record keeping was uneven, and some reports reached the district team weeks late.
            - In villages where several languages are spoken, printed materials in Lao were not enough, and volunteers translated as they went, with mixed results.
            - At first, there was no feedback: villagers who reported an item did not always learn what happened to it, and some stopped reporting.

            ## Lessons for others

            1. Recruit more volunteers than you need, and plan refresher training for newcomers every year.
            2. Ask for a woman and a man from each village from the start, rather than correcting the balance later.
            3. Close the loop: tell villagers when an item they reported has been destroyed.
            4. Keep the reporting form to one page and collect it by phone where possible.
            5. Budget for materials in local languages from the beginning.

            ## Contacts

            Risk education focal point, National Regulatory Authority. We are glad to share the training curriculum and the reporting form.
            """),
        new(
            "LAO", PostingKind.Experience,
            "South-South exchange with Cambodia on land release procedures",
            "Survey and quality management staff from the Lao PDR and Cambodia visited each other's programmes to compare how they release land through survey. The exchange led both programmes to adjust their procedures.",
            CcmAreas.ClearanceAndRiskEducation | CcmAreas.CooperationAndAssistance | CcmAreas.CapacityBuilding,
            AssistanceTypes.Expertise | AssistanceTypes.Technical,
            ["LAO", "KHM"], Regions.None, null, null, "2024–2025",
            "Operations officer, National Regulatory Authority, operations@lao.sample.test",
            Visibility.StatesOnly, PublishedDaysAgo: 65, ValidForDays: 400,
            """
            ## The project

            Two visits of one week each, one in southern Lao PDR and one in north-western Cambodia, for eight survey and quality management staff from each side. Participants observed survey teams at work, compared national standards line by line, and wrote a joint note of differences and good practices. A donor covered travel; each authority covered its own staff.

            ## Modality

            South-South cooperation between two national authorities, with donor support for travel (which makes it, strictly, triangular).

            ## What worked

            - Peers speaking to peers: questions were practical and frank, without the formality of a donor visit.
            - Seeing the other side's evidence requirements for cancelling land made both teams question their own thresholds.
            - The joint note gave managers something concrete to decide on after the visits.

            ## What was difficult

            Language: most technical discussion passed through English, which not everyone speaks well. Interpretation between Lao and Khmer would have helped. Differences in the database systems made it hard to compare figures directly.

            ## Lessons for others

            Keep the group small, include field staff and not only managers, and agree in advance on the questions each side wants answered.

            ## Contacts

            Operations officer, National Regulatory Authority.
            """),
        new(
            "LBN", PostingKind.Experience,
            "Hosting regional courses in clearance and quality management for Arabic-speaking programmes",
            "Lebanon has hosted regional courses in clearance, quality management and risk education for staff from mine action programmes in the Arab region, with donor funding. Teaching in Arabic by instructors from the region proved to be the main strength.",
            CcmAreas.ClearanceAndRiskEducation | CcmAreas.CapacityBuilding | CcmAreas.CooperationAndAssistance,
            AssistanceTypes.Training,
            ["LBN", "IRQ", "PSE", "YEM"], Regions.None, null, null, "Since 2022, ongoing",
            "Training officer, Lebanon Mine Action Centre, training@lbn.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 170, ValidForDays: 540,
            """
            ## The project

            Since 2022, the Lebanon Mine Action Centre has hosted two to four regional courses a year for staff of national authorities and operators from Iraq, the State of Palestine, Yemen and other programmes in the region. Courses cover clearance of cluster munition remnants, quality management, **information management** and risk education. Donors fund travel and accommodation; Lebanon provides instructors, classrooms and field training sites.

            Lebanon's role: host and implementer. Donors' role: funding. Participating States: recipients, and increasingly contributors of instructors.

            ## Modality

            Regional and triangular: donors fund, Lebanon hosts and teaches, and other States of the region send participants.

            ## What worked

            - **Arabic as the teaching language.** Participants learned faster and asked more questions than in courses taught through interpretation.
            - **Instructors from the region.** Former participants from other programmes now teach modules, which builds a regional network of trainers.
            - **Real sites.** Field exercises on former cluster munition strike areas, under full safety controls, made procedures concrete.
            - **Follow-up.** A messaging group of former participants keeps people in contact and is used to share standards and questions.

            ## What was difficult

            - Visas and travel approvals delayed or prevented some participants; we now start the process three months ahead.
            - Funding came course by course, which made it hard to plan a yearly calendar.
            - Few women were nominated at first. Asking each delegation to include at least one woman, and offering suitable accommodation, has improved this.

            ## Lessons for others

            | Lesson | What we changed |
            |---|---|
            | Plan travel early | Nominations closed three months before each course |
            | Secure a yearly budget | Donors asked for a two-year commitment |
            | Measure what participants do afterwards | Short survey six months after each course |
            | Involve national authorities | Nominations come through authorities, not individuals |

            ## Contacts

            Training officer, Lebanon Mine Action Centre. Course outlines are available to national authorities on request.
            """),
        new(
            "LBN", PostingKind.Experience,
            "Bringing cluster munition survivors into the national disability strategy",
            "Lebanon folded victim assistance into its national disability framework instead of running it as a separate programme. Survivors gained access to services open to all persons with disabilities, and the law now refers to them explicitly.",
            CcmAreas.VictimAssistance | CcmAreas.NationalImplementation | CcmAreas.GenderAndDiversity,
            AssistanceTypes.Legal | AssistanceTypes.Expertise,
            ["LBN"], Regions.None, null, null, "2023–2025",
            "Victim assistance officer, Lebanon Mine Action Centre, victim.assistance@lbn.sample.test",
            Visibility.StatesOnly, PublishedDaysAgo: 100, ValidForDays: 365,
            """
            ## The project

            Over two years, the Lebanon Mine Action Centre, the Ministry of Social Affairs and organisations of persons with disabilities worked to make sure that the national disability strategy, and the regulations under it, cover cluster munition survivors explicitly. International legal experts, funded by a partner State, advised on the drafting. Our role was that of a national implementer, with outside expertise.

            ## What worked

            - Moving from a parallel programme to mainstream services: survivors now hold the national disability card and use the same services as other persons with disabilities.
            - Survivors took part in every drafting meeting through their association, and their comments changed the text on access to employment.
            - Attention to gender: women survivors, who were less likely to hold the disability card, were helped to register through home visits.

            ## What was difficult

            Mainstream services are stretched, and survivors sometimes felt they had lost a dedicated channel. Keeping a victim assistance focal point in the mine action centre to follow individual cases has eased this.

            ## Lessons for others

            - Link **victim assistance** to existing disability, health and social protection systems early, and write the link into law or regulation.
            - Keep a small dedicated function to follow survivors through the system.
            - Report on these measures under Article 7 and in national implementation reports.

            ## Contacts

            Victim assistance officer, Lebanon Mine Action Centre.
            """),
        new(
            "IRQ", PostingKind.Experience,
            "Reconciling mine action data between two national authorities",
            "Iraq's two mine action authorities agreed on common definitions and a shared data exchange so that national figures add up. The work, supported by an international adviser, made Article 7 reports consistent for the first time.",
            CcmAreas.Transparency | CcmAreas.InformationManagement,
            AssistanceTypes.Technical,
            ["IRQ"], Regions.None, null, null, "2024–2025",
            "Information management unit, Directorate of Mine Action, information.management@irq.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 15, ValidForDays: 365,
            """
            ## The project

            Iraq has two mine action authorities, each with its own database. For years their figures could not simply be added: a "hazardous area" or a "cleared area" did not always mean the same thing in both systems. With technical support from an international adviser funded by a donor State, the two information management teams spent eighteen months aligning definitions and building a regular data exchange.

            ## Modality

            National, with bilateral technical support.

            ## What worked

            - Starting with a shared glossary before touching any data.
            - Monthly joint meetings of the two teams, alternating between the two offices.
            - A small set of national indicators agreed at the start, rather than trying to align everything at once.

            ## What was difficult

            Old records lacked fields that the new definitions required, and some had to be revisited in the field. Staff turnover in one team slowed progress for several months.

            ## Lessons for others

            Agree on definitions and indicators first, software later. Assign one person on each side who is responsible for the exchange, and document every decision so that new staff can follow.

            ## Contacts

            Information management unit, Directorate of Mine Action.
            """),
        new(
            "IRQ", PostingKind.Experience,
            "Mixed survey teams in southern Iraq: recruiting and keeping women surveyors",
            "Iraq and its partners recruited and trained women for non-technical survey teams in the south, which gave teams access to information held by women in rural communities. Keeping women in the teams required changes to working arrangements.",
            CcmAreas.ClearanceAndRiskEducation | CcmAreas.GenderAndDiversity,
            AssistanceTypes.Training | AssistanceTypes.Financial,
            ["IRQ"], Regions.None, null, null, "2023–2026, ongoing",
            "Regional mine action centre for the south, Directorate of Mine Action, south.region@irq.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 5, ValidForDays: 365,
            """
            ## The project

            Survey teams in southern Iraq were, until recently, made up only of men. In rural communities, men often could not speak directly with women, who know where children play, where firewood is collected and where animals have been killed by explosions. From 2023, with donor funding and an international operator, we recruited and trained women for **non-technical survey** and community liaison.

            ## What worked

            - Mixed teams collected information from women and children that all-male teams had not reached, and several new hazardous areas were identified this way.
            - Recruiting through universities and women's associations produced more applicants than general advertisements.
            - Training women and men together from the first day helped teams work as one.

            ## What was difficult

            - Families were concerned about travel and overnight stays; we changed schedules so that most teams return home each evening.
            - Facilities at field sites had to be adapted.
            - Some women left after marriage; flexible contracts have helped keep more of them.

            ## Lessons for others

            1. Consult communities and the families of recruits before deployment.
            2. Adapt logistics rather than expecting recruits to adapt to arrangements made for men.
            3. Measure the difference: record who provided the information that led to each confirmed area.

            ## Contacts

            Regional mine action centre for the south, Directorate of Mine Action.
            """),

        // Experiences: donors
        new(
            "DEU", PostingKind.Experience,
            "Stockpile destruction in Bosnia and Herzegovina and Montenegro through an international organisation",
            "Germany funded the destruction of cluster munition stockpiles in two States of South-Eastern Europe through an international organisation that managed procurement and verification. Working through one organisation in two countries saved time and cost.",
            CcmAreas.StockpileDestruction | CcmAreas.CooperationAndAssistance,
            AssistanceTypes.Financial | AssistanceTypes.Technical,
            ["BIH", "MNE"], Regions.None, null, null, "Completed over three years",
            "Arms control and disarmament division, Federal Foreign Office, stockpiles@deu.sample.test",
            Visibility.StatesOnly, PublishedDaysAgo: 250, ValidForDays: 730,
            """
            ## The project

            Germany, as donor, funded a regional **stockpile destruction** project in Bosnia and Herzegovina and Montenegro. An international organisation with a regional presence managed the project: it procured destruction services, supported national teams and verified destruction. The two Ministries of Defence owned the stockpiles and led the national work.

            ## Modality

            Multilateral: donor funding through an international organisation, with national ownership in each State.

            ## What worked

            - One implementing organisation for two countries allowed shared procurement and the transfer of lessons from one site to the other.
            - Disassembly and recycling of most munitions, with open detonation only where necessary, reduced environmental impact and recovered some materials.
            - Destruction records were designed from the start to match the Article 7 format, so completion could be reported without extra work.

            ## What was difficult

            - The inventory at one site differed from records, and a recount delayed work by several months.
            - Transport of munitions in poor condition needed special permits and escorts.

            ## Lessons for others

            Verify the inventory before signing destruction contracts; plan transport early; agree with the owner State how completion will be documented and declared.

            ## Contacts

            Arms control and disarmament division, Federal Foreign Office.
            """),
        new(
            "DEU", PostingKind.Experience,
            "Orthopaedic workshops and physiotherapy training in Chad",
            "Germany supported Chad's Ministry of Health in equipping two regional orthopaedic workshops and training physiotherapists and technicians, with an international humanitarian organisation implementing. Services are now closer to survivors in the north and east.",
            CcmAreas.VictimAssistance | CcmAreas.CapacityBuilding,
            AssistanceTypes.Equipment | AssistanceTypes.Training | AssistanceTypes.Financial,
            ["TCD"], Regions.None, null, null, "2022–2025",
            "Humanitarian mine action desk, Federal Foreign Office, mine.action@deu.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 130, ValidForDays: 500,
            """
            ## The project

            From 2022 to 2025, Germany funded the equipment of two regional orthopaedic workshops in Chad and a training programme for physiotherapists and **prosthetics** technicians. An international humanitarian organisation implemented the project with the Ministry of Public Health, which provided staff and premises. Our role was donor.

            ## What worked

            - Training national staff to a recognised standard, with scholarships for three technicians abroad and the rest trained on the job.
            - Locally available materials for most components, which lowered costs and repair times.
            - A small transport fund so that survivors from remote areas could attend fitting and follow-up.

            ## What was difficult

            - Recruiting qualified staff willing to work in remote regions.
            - Supplies of imported components were interrupted by transport problems.
            - The Ministry's budget for running costs was not always released on time.

            ## Lessons for others

            - Plan the hand-over of running costs to the national budget from the start, and check each year that it is on track.
            - Build a stock of imported components for at least six months.
            - Count survivors among all users of the services, so that victim assistance is visible without a separate system.

            ## Contacts

            Humanitarian mine action desk, Federal Foreign Office.
            """),
        new(
            "DEU", PostingKind.Experience,
            "Co-financing clearance with national funds in Croatia and Bosnia and Herzegovina",
            "Germany co-financed clearance projects in which the affected State paid a growing share of the costs each year. The approach helped national budgets take over, and lessons may interest donors and States planning a transition.",
            CcmAreas.ClearanceAndRiskEducation | CcmAreas.CooperationAndAssistance,
            AssistanceTypes.Financial,
            ["HRV", "BIH"], Regions.None, null, null, "Several multi-year projects",
            "Humanitarian mine action desk, Federal Foreign Office, mine.action@deu.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 220, ValidForDays: 600,
            """
            ## The project

            In several multi-year clearance projects in Croatia and Bosnia and Herzegovina, Germany as donor agreed with the national authorities on a co-financing schedule: the national share started small and grew every year, until the State covered the full cost of the teams.

            ## Modality

            Bilateral, with national authorities contracting accredited operators.

            ## What worked

            - A schedule agreed at the start gave the finance ministries time to plan.
            - Joint monitoring visits by donor and national authority built trust in the figures.
            - National contracting under national procurement law prepared the authorities to run clearance on their own.

            ## What was difficult

            In one year, a national budget cut delayed the national share. The schedule was extended by a year rather than abandoned.

            ## Lessons for others

            Write the co-financing schedule into the agreement, review it every year, and allow for delays without losing the direction.

            ## Contacts

            Humanitarian mine action desk, Federal Foreign Office.
            """),
        new(
            "NOR", PostingKind.Experience,
            "Triangular cooperation: Chilean specialists supporting survey in Colombia",
            "Norway funded a triangular project in which specialists from Chile's national programme advised Colombian survey teams on explosive ordnance in remote areas. Spanish-speaking peers and similar terrain made the advice easy to apply.",
            CcmAreas.ClearanceAndRiskEducation | CcmAreas.CooperationAndAssistance | CcmAreas.CapacityBuilding,
            AssistanceTypes.Expertise | AssistanceTypes.Technical,
            ["COL", "CHL"], Regions.None, null, null, "2023–2025",
            "Section for humanitarian affairs, Ministry of Foreign Affairs, humanitarian.disarmament@nor.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 80, ValidForDays: 450,
            """
            ## The project

            A triangular project: Norway paid for travel and subsistence, Chile provided specialists from its national programme, and Colombia's national authority hosted them. Over two years, six Chilean specialists spent periods of three to six weeks with Colombian survey teams, advising on survey methods, explosive ordnance identification and quality management in mountainous and remote areas.

            ## Modality

            Triangular cooperation: a donor, a providing State and a receiving State.

            ## What worked

            - Peers speaking the same language, from a programme that had faced similar terrain.
            - The specialists stayed long enough to work in the field, not only in the capital.
            - Colombian staff later visited Chile, which turned the exchange into a two-way relationship.

            ## What was difficult

            Security restrictions in some areas limited where the specialists could go. Administrative arrangements between three governments took longer than the first deployment.

            ## Lessons for others

            Sign a simple three-party agreement early, and keep the donor's role to funding and facilitation so that the two programmes lead the technical work.

            ## Contacts

            Section for humanitarian affairs, Ministry of Foreign Affairs.
            """),
        new(
            "NOR", PostingKind.Experience,
            "Universalization dialogues with Pacific island States",
            "Norway supported national dialogues on the Convention with officials of three Pacific island States not yet party. The dialogues showed that capacity for treaty implementation and reporting, more than policy objections, holds States back.",
            CcmAreas.Universalization | CcmAreas.CooperationAndAssistance,
            AssistanceTypes.Financial | AssistanceTypes.Expertise,
            ["TON", "VUT", "SLB"], Regions.None, null, null, "2024–2025",
            "Section for arms control, Ministry of Foreign Affairs, universalization@nor.sample.test",
            Visibility.StatesOnly, PublishedDaysAgo: 190, ValidForDays: 400,
            """
            ## The project

            Norway funded three national dialogues on the Convention, one in each of three Pacific island States not yet party, organised with a State Party from the region and with the Implementation Support Unit. Each dialogue brought together officials from foreign affairs, justice, police and, where relevant, defence.

            ## What worked

            - Holding the dialogues in the capitals, so that more officials could attend than would travel to a regional meeting.
            - A State Party from the region explaining its own path to ratification, including how light its reporting burden turned out to be.
            - Model legislation adapted to small States, provided by a partner's legal experts.

            ## What was difficult

            Small administrations have few officials, each with many responsibilities; a treaty with no immediate national contamination competes with urgent priorities. Follow-up slowed when the officials who attended changed posts.

            ## Lessons for others

            **Universalization** in small States is mostly about capacity. Offer practical help with legislation and with the first Article 7 report, and keep in touch through the Permanent Missions in New York or Geneva.

            ## Contacts

            Section for arms control, Ministry of Foreign Affairs.
            """),

        // Experience: Implementation Support Unit
        new(
            "isu", PostingKind.Experience,
            "Regional workshop on cooperation and assistance in South-East Asia: what participants asked for",
            "The Implementation Support Unit organised a regional workshop in South-East Asia on cooperation, reporting and universalization. Participants asked for fewer presentations, more bilateral time with donors and a simple way to publish needs, which shaped this portal.",
            CcmAreas.CooperationAndAssistance | CcmAreas.Transparency | CcmAreas.Universalization,
            AssistanceTypes.Expertise,
            ["LAO", "KHM", "VNM", "PHL"], Regions.None, null, null, "2025",
            "Implementation Support Unit, cooperation@isu.sample.test",
            Visibility.StatesAndObservers, PublishedDaysAgo: 55, ValidForDays: 365,
            """
            ## The project

            A two-day regional workshop for officials of States Parties and States not yet party in South-East Asia, with donor representatives, organised by the Implementation Support Unit and hosted by a State of the region. Sessions covered Article 7 reporting, requests for assistance and the steps towards joining the Convention.

            ## What worked

            - Short bilateral meetings between affected States and donors, scheduled in advance, were the most valued part of the programme.
            - States not yet party attended as observers and asked practical questions about obligations and reporting.
            - Sharing draft reports in advance allowed concrete advice.

            ## What was difficult

            Many participants said they did not know what donors offered or what documents they required, and donors said the same about needs. Information shared at the workshop was soon out of date.

            ## Lessons for others

            - Keep presentations short and leave most of the time for exchange.
            - Follow up in writing within a month.
            - Publish needs and offers where they stay visible and can be updated: this is the purpose of the cooperation portal. See also the documents on the [Convention's website](https://www.clusterconvention.org/).

            ## Contacts

            Implementation Support Unit.
            """),
    ];
}
