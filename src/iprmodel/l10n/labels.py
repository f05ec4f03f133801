# SPDX-License-Identifier: MIT
"""Labels: the English message id of every enum member of :mod:`iprmodel.model`.

Each member maps to ``(msgctxt, msgid)``; the context is the enum's class name, so the
same English word in two enums ("planned" meeting, "planned" task) can be translated
differently. The Bokmål, Nynorsk and English words live in the gettext catalogs
(``locale/<lang>/LC_MESSAGES/iprmodel.po``); :func:`iprmodel.l10n.label` looks them up.
Run ``python -m iprmodel.l10n.extract`` after adding an enum member, then translate.

Message ids are lower-case phrases a Norwegian municipal reader recognises (the
Norwegian terms, such as *representantskap* or *arbeidsutval*, are in the catalogs);
a comment names each group and its paragraph (koml. = kommuneloven).

>>> from iprmodel.model import BodyKind
>>> LABELS[BodyKind.WORKING_COMMITTEE]
('BodyKind', 'working committee')
"""

from __future__ import annotations

import enum
from typing import Final

from iprmodel.model import (
    Achievement,
    Adopter,
    AgreementKind,
    ArenaKind,
    ArenaRole,
    AttendanceStatus,
    BodyKind,
    BudgetLineKind,
    CaseKind,
    ChairSelection,
    ClauseTopic,
    ClosedBasis,
    ConsensusUnit,
    CostSharing,
    DatePrecision,
    ElectionMethod,
    EvaluationAspect,
    Gender,
    MeetingKind,
    MeetingMode,
    MeetingStatus,
    MilestoneKind,
    Office,
    OrganisationKind,
    ParticipationRole,
    Position,
    Power,
    ProjectKind,
    ProjectStatus,
    RecordedOutcome,
    Recurrence,
    Right,
    SeatKind,
    StaffRole,
    TaskMode,
    TaskStatus,
    TieBreak,
    VoteBase,
    VoteChoice,
    WrittenStandard,
)

__all__ = ["LABELS"]

#: ``member -> (msgctxt, msgid)`` for every member of every enum in :mod:`iprmodel.model`.
LABELS: Final[dict[enum.Enum, tuple[str, str]]] = {
    # How far a task reached its goal (måloppnåing).
    Achievement.MET: ("Achievement", "goal met"),
    Achievement.PARTLY_MET: ("Achievement", "goal partly met"),
    Achievement.NOT_MET: ("Achievement", "goal not met"),
    Achievement.NOT_ASSESSED: ("Achievement", "not assessed"),
    # Who adopted an agreement or amendment (koml. § 18-4).
    Adopter.PARTICIPANT_COUNCIL: ("Adopter", "municipal or county council"),
    Adopter.REPRESENTANTSKAP: ("Adopter", "council of representatives"),
    Adopter.OTHER: ("Adopter", "other"),
    # Kinds of agreement.
    AgreementKind.COOPERATION: ("AgreementKind", "cooperation agreement"),
    AgreementKind.DECLARATION: ("AgreementKind", "declaration"),
    AgreementKind.COUNTY_PARTNERSHIP: (
        "AgreementKind",
        "partnership agreement with the county authority",
    ),
    AgreementKind.COUNTY_MEMBERSHIP: ("AgreementKind", "county authority membership agreement"),
    AgreementKind.RURAL_GROWTH: ("AgreementKind", "rural growth agreement"),
    AgreementKind.OTHER: ("AgreementKind", "other agreement"),
    # Meeting places (møteplassar) a council runs or joins.
    ArenaKind.ASSEMBLY: ("ArenaKind", "assembly of the executive committees"),
    ArenaKind.JOINT_EXECUTIVE_MEETING: ("ArenaKind", "joint executive committee meeting"),
    ArenaKind.CONFERENCE: ("ArenaKind", "conference"),
    ArenaKind.NETWORK: ("ArenaKind", "municipal network"),
    ArenaKind.FORUM: ("ArenaKind", "forum"),
    ArenaKind.DIALOGUE: ("ArenaKind", "dialogue meeting"),
    ArenaKind.STANDING_MEETING: ("ArenaKind", "standing meeting"),
    # The council's part in an arena.
    ArenaRole.ORGANISER: ("ArenaRole", "organiser"),
    ArenaRole.CO_ORGANISER: ("ArenaRole", "co-organiser"),
    ArenaRole.PARTICIPANT: ("ArenaRole", "participant"),
    # Attendance at a meeting (koml. § 11-4 b).
    AttendanceStatus.PRESENT: ("AttendanceStatus", "present"),
    AttendanceStatus.ABSENT: ("AttendanceStatus", "absent"),
    AttendanceStatus.EXCUSED: ("AttendanceStatus", "excused"),
    # Kinds of body (organ) of a council (koml. § 18-3).
    BodyKind.REPRESENTANTSKAP: ("BodyKind", "council of representatives"),
    BodyKind.COUNCIL_BOARD: ("BodyKind", "regional council board"),
    BodyKind.WORKING_COMMITTEE: ("BodyKind", "working committee"),
    BodyKind.CHIEF_EXECUTIVES_COMMITTEE: ("BodyKind", "chief executives' committee"),
    BodyKind.EXPERT_TEAM: ("BodyKind", "expert team"),
    BodyKind.PROJECT_GROUP: ("BodyKind", "project group"),
    BodyKind.COMMITTEE: ("BodyKind", "committee"),
    BodyKind.FORUM: ("BodyKind", "forum"),
    # Income or expense.
    BudgetLineKind.INCOME: ("BudgetLineKind", "income"),
    BudgetLineKind.EXPENSE: ("BudgetLineKind", "expense"),
    # What an agenda item (sak) is about.
    CaseKind.DECISION: ("CaseKind", "decision case"),
    CaseKind.ORIENTATION: ("CaseKind", "information case"),
    CaseKind.ELECTION: ("CaseKind", "election"),
    CaseKind.BUDGET: ("CaseKind", "budget"),
    CaseKind.ACCOUNTS: ("CaseKind", "annual accounts"),
    CaseKind.ANNUAL_REPORT: ("CaseKind", "annual report"),
    CaseKind.PLAN: ("CaseKind", "strategic plan or action plan"),
    CaseKind.FUND_ALLOCATION: ("CaseKind", "allocation of funds"),
    CaseKind.STATEMENT: ("CaseKind", "statement"),
    CaseKind.AGREEMENT_AMENDMENT: (
        "CaseKind",
        "amendment of non-statutory clauses of the agreement",
    ),
    CaseKind.CORE_AGREEMENT_AMENDMENT: (
        "CaseKind",
        "amendment of statutory clauses of the agreement (§ 18-4 a-h)",
    ),
    CaseKind.URGENT_DECISION_REPORT: ("CaseKind", "report on urgent decisions"),
    CaseKind.HIRING: ("CaseKind", "hiring decision"),
    CaseKind.OTHER: ("CaseKind", "other case"),
    # How the chair is chosen (koml. § 18-3 tredje ledd).
    ChairSelection.ELECTED: ("ChairSelection", "elected by the body"),
    ChairSelection.ROTATING: ("ChairSelection", "rotates among the participants"),
    ChairSelection.BY_AGREEMENT: ("ChairSelection", "set by the agreement"),
    ChairSelection.EX_OFFICIO: ("ChairSelection", "by virtue of office or position"),
    # What a clause of an agreement covers; a-h are koml. § 18-4 fjerde ledd.
    ClauseTopic.NAME: ("ClauseTopic", "name of the council"),
    ClauseTopic.LEGAL_ENTITY: ("ClauseTopic", "whether the council is a separate legal entity"),
    ClauseTopic.SEATS: (
        "ClauseTopic",
        "number of members each participant has in the council of representatives",
    ),
    ClauseTopic.MATTERS: ("ClauseTopic", "matters the council may deal with"),
    ClauseTopic.AUTHORITY: ("ClauseTopic", "authority given to the council"),
    ClauseTopic.SHARES: ("ClauseTopic", "ownership and liability shares"),
    ClauseTopic.WITHDRAWAL: ("ClauseTopic", "withdrawal"),
    ClauseTopic.DISSOLUTION: ("ClauseTopic", "dissolution and archives"),
    ClauseTopic.PURPOSE: ("ClauseTopic", "purpose"),
    ClauseTopic.BODIES: ("ClauseTopic", "bodies"),
    ClauseTopic.ECONOMY: ("ClauseTopic", "finances"),
    ClauseTopic.SECRETARIAT: ("ClauseTopic", "secretariat"),
    ClauseTopic.DECISION_RULES: ("ClauseTopic", "decision rules"),
    ClauseTopic.AMENDMENTS: ("ClauseTopic", "amendments to the agreement"),
    ClauseTopic.TERM: ("ClauseTopic", "members' term of office"),
    ClauseTopic.DURATION: ("ClauseTopic", "duration of the agreement"),
    ClauseTopic.CHAIR: ("ClauseTopic", "chair and deputy chair"),
    ClauseTopic.OTHER: ("ClauseTopic", "other"),
    # The koml. § 11-5 ground for closing an agenda item (lukka møte).
    ClosedBasis.EMPLOYEE: (
        "ClosedBasis",
        "Local Government Act § 11-5 second paragraph letter a (an employee's service relationship)",
    ),
    ClosedBasis.CONFIDENTIAL: (
        "ClosedBasis",
        "Local Government Act § 11-5 second paragraph letter b (statutory duty of confidentiality)",
    ),
    ClosedBasis.PRIVACY: (
        "ClosedBasis",
        "Local Government Act § 11-5 third paragraph letter a (privacy)",
    ),
    ClosedBasis.PUBLIC_INTEREST: (
        "ClosedBasis",
        "Local Government Act § 11-5 third paragraph letter b (weighty public interests)",
    ),
    # Whose agreement a consensus needs.
    ConsensusUnit.MEMBERS: ("ConsensusUnit", "consensus among the members"),
    ConsensusUnit.PARTICIPANTS: ("ConsensusUnit", "consensus among the participants"),
    # How participants share costs (fordelingsnøkkel).
    CostSharing.EQUAL: ("CostSharing", "equal shares"),
    CostSharing.PER_CAPITA: ("CostSharing", "by population"),
    CostSharing.MIXED: ("CostSharing", "a fixed equal part and the rest by population"),
    # How much of a date the source gives.
    DatePrecision.DAY: ("DatePrecision", "day"),
    DatePrecision.MONTH: ("DatePrecision", "month"),
    DatePrecision.YEAR: ("DatePrecision", "year"),
    # What an annual evaluation reports on.
    EvaluationAspect.STATUS_AND_ACHIEVEMENT: ("EvaluationAspect", "status and goal achievement"),
    EvaluationAspect.TRENDS: ("EvaluationAspect", "trends"),
    EvaluationAspect.NEXT_PRIORITIES: ("EvaluationAspect", "priorities for the coming year"),
    EvaluationAspect.RESOURCES: ("EvaluationAspect", "resources"),
    # How members are elected (koml. § 7-4).
    ElectionMethod.PROPORTIONAL: ("ElectionMethod", "proportional election (forholdsvalg)"),
    ElectionMethod.AGREED: ("ElectionMethod", "agreed election (avtalevalg)"),
    ElectionMethod.MAJORITY: ("ElectionMethod", "majority election (flertallsvalg)"),
    # Gender, for the gender-balance rules (koml. §§ 7-5 to 7-7).
    Gender.FEMALE: ("Gender", "woman"),
    Gender.MALE: ("Gender", "man"),
    # Ordinary, extraordinary or urgent meeting (koml. § 11-8).
    MeetingKind.ORDINARY: ("MeetingKind", "ordinary meeting"),
    MeetingKind.EXTRAORDINARY: ("MeetingKind", "extraordinary meeting"),
    MeetingKind.URGENT: ("MeetingKind", "urgent meeting"),
    # How a meeting is held (koml. §§ 11-7, 11-8).
    MeetingMode.IN_PERSON: ("MeetingMode", "in-person meeting"),
    MeetingMode.REMOTE: ("MeetingMode", "remote meeting"),
    MeetingMode.HYBRID: ("MeetingMode", "hybrid meeting"),
    MeetingMode.WRITTEN: ("MeetingMode", "written procedure"),
    # Where a meeting is in its life.
    MeetingStatus.PLANNED: ("MeetingStatus", "planned"),
    MeetingStatus.CONVENED: ("MeetingStatus", "convened"),
    MeetingStatus.HELD: ("MeetingStatus", "held"),
    MeetingStatus.CANCELLED: ("MeetingStatus", "cancelled"),
    MeetingStatus.POSTPONED: ("MeetingStatus", "postponed"),
    # Kinds of events in a council's history.
    MilestoneKind.FOUNDED: ("MilestoneKind", "founded"),
    MilestoneKind.REORGANISED: ("MilestoneKind", "reorganised"),
    MilestoneKind.RENAMED: ("MilestoneKind", "renamed"),
    MilestoneKind.ACHIEVEMENT: ("MilestoneKind", "achievement"),
    MilestoneKind.OTHER: ("MilestoneKind", "other event"),
    # The office a person holds at home, in their own municipality or county.
    Office.MAYOR: ("Office", "mayor"),
    Office.DEPUTY_MAYOR: ("Office", "deputy mayor"),
    Office.OPPOSITION: ("Office", "opposition representative"),
    Office.COUNCIL_MEMBER: ("Office", "member of the municipal or county council"),
    Office.POLITICIAN: ("Office", "elected representative"),
    Office.COUNTY_COUNCIL_MEMBER: ("Office", "county council member"),
    Office.COUNTY_EXECUTIVE: ("Office", "county commissioner"),
    Office.CHIEF_EXECUTIVE: ("Office", "chief municipal executive"),
    Office.OTHER: ("Office", "other office"),
    # What kind of organisation a non-participant is.
    OrganisationKind.STATE_AGENCY: ("OrganisationKind", "state agency"),
    OrganisationKind.FOUNDATION: ("OrganisationKind", "foundation"),
    OrganisationKind.COMPANY: ("OrganisationKind", "company"),
    OrganisationKind.ASSOCIATION: ("OrganisationKind", "association"),
    OrganisationKind.INTERMUNICIPAL: ("OrganisationKind", "intermunicipal cooperation"),
    OrganisationKind.OTHER: ("OrganisationKind", "other organisation"),
    # How a participant takes part (koml. § 18-1).
    ParticipationRole.MEMBER: ("ParticipationRole", "participant"),
    ParticipationRole.OBSERVER: ("ParticipationRole", "observer"),
    ParticipationRole.PARTNER: ("ParticipationRole", "partner"),
    # The position held inside a body.
    Position.CHAIR: ("Position", "chair"),
    Position.DEPUTY_CHAIR: ("Position", "deputy chair"),
    Position.MEMBER: ("Position", "member"),
    Position.SECRETARY: ("Position", "secretary"),
    # What a body may do (myndigheit); koml. §§ 18-1 to 18-4.
    Power.ADOPT_BUDGET: ("Power", "adopt the budget"),
    Power.ADOPT_ACCOUNTS: ("Power", "adopt the annual accounts"),
    Power.ADOPT_ANNUAL_REPORT: ("Power", "adopt the annual report"),
    Power.ADOPT_PLANS: ("Power", "adopt plans"),
    Power.CREATE_BODIES: ("Power", "create other bodies"),
    Power.ELECT_MEMBERS: ("Power", "elect members"),
    Power.ELECT_CHAIR: ("Power", "elect the chair"),
    Power.AMEND_AGREEMENT: ("Power", "amend non-statutory clauses of the agreement"),
    Power.URGENT_DECISIONS: ("Power", "make urgent decisions"),
    Power.MANAGE_FUNDS: ("Power", "manage funds"),
    Power.ISSUE_STATEMENTS: ("Power", "issue statements on behalf of the region"),
    Power.INITIATE_PROJECTS: ("Power", "initiate projects"),
    Power.STEER_PROJECTS: ("Power", "steer projects"),
    Power.PREPARE_CASES: ("Power", "prepare cases"),
    Power.RECOMMEND: ("Power", "make recommendations"),
    Power.EXECUTE_DECISIONS: ("Power", "carry out decisions"),
    Power.INTERNAL_DECISIONS: ("Power", "individual decisions on internal matters"),
    Power.GRANT_SCHEMES: ("Power", "manage grant schemes"),
    Power.INDIVIDUAL_DECISIONS: ("Power", "other individual decisions"),
    # Project, programme or a funded position.
    ProjectKind.PROJECT: ("ProjectKind", "project"),
    ProjectKind.PROGRAMME: ("ProjectKind", "programme"),
    ProjectKind.POSITION: ("ProjectKind", "funded position"),
    # Where a project stands.
    ProjectStatus.PLANNED: ("ProjectStatus", "planned"),
    ProjectStatus.ONGOING: ("ProjectStatus", "ongoing"),
    ProjectStatus.COMPLETED: ("ProjectStatus", "completed"),
    # The outcome written in the minutes (koml. § 11-4).
    RecordedOutcome.ADOPTED: ("RecordedOutcome", "adopted"),
    RecordedOutcome.REJECTED: ("RecordedOutcome", "rejected"),
    RecordedOutcome.NOT_QUORATE: ("RecordedOutcome", "not quorate"),
    # Whether an amount is paid once or every year.
    Recurrence.ONCE: ("Recurrence", "once"),
    Recurrence.YEARLY: ("Recurrence", "every year"),
    # Rights in a meeting.
    Right.ATTEND: ("Right", "right to attend"),
    Right.SPEAK: ("Right", "right to speak"),
    Right.PROPOSE: ("Right", "right to make proposals"),
    Right.VOTE: ("Right", "right to vote"),
    # The kind of seat an appointment fills.
    SeatKind.MEMBER: ("SeatKind", "member"),
    SeatKind.DEPUTY: ("SeatKind", "deputy member"),
    SeatKind.OBSERVER: ("SeatKind", "observer"),
    SeatKind.EX_OFFICIO: ("SeatKind", "attends by virtue of position"),
    # Staff roles in a council's secretariat.
    StaffRole.GENERAL_MANAGER: ("StaffRole", "general manager"),
    StaffRole.ADVISER: ("StaffRole", "adviser"),
    StaffRole.PROJECT_MANAGER: ("StaffRole", "project manager"),
    StaffRole.COORDINATOR: ("StaffRole", "coordinator"),
    StaffRole.OTHER: ("StaffRole", "other staff"),
    # The council's role in a task of an action plan.
    TaskMode.COORDINATES: ("TaskMode", "coordinates"),
    TaskMode.EXECUTES: ("TaskMode", "executes"),
    TaskMode.TAKES_PART: ("TaskMode", "takes part"),
    TaskMode.FOLLOWS_UP: ("TaskMode", "follows up"),
    TaskMode.ORGANISES: ("TaskMode", "organises"),
    TaskMode.INFLUENCES: ("TaskMode", "advocacy"),
    # Where a task stands.
    TaskStatus.PLANNED: ("TaskStatus", "planned"),
    TaskStatus.ONGOING: ("TaskStatus", "ongoing"),
    TaskStatus.DONE: ("TaskStatus", "done"),
    TaskStatus.POSTPONED: ("TaskStatus", "postponed"),
    TaskStatus.DROPPED: ("TaskStatus", "dropped"),
    # How a tie is broken (koml. § 11-9, § 7-8).
    TieBreak.CHAIR: ("TieBreak", "the chair's casting vote"),
    TieBreak.NONE: ("TieBreak", "none (the proposal falls)"),
    TieBreak.LOT: ("TieBreak", "drawing lots"),
    # What a majority is counted against.
    VoteBase.VOTES_CAST: ("VoteBase", "votes cast"),
    VoteBase.MEMBERS_PRESENT: ("VoteBase", "members present"),
    VoteBase.ALL_MEMBERS: ("VoteBase", "all members"),
    # A member's vote; blank only in elections (koml. § 8-1).
    VoteChoice.FOR: ("VoteChoice", "for"),
    VoteChoice.AGAINST: ("VoteChoice", "against"),
    VoteChoice.BLANK: ("VoteChoice", "blank"),
    # Official written standard (målform), mållova § 5.
    WrittenStandard.BOKMAL: ("WrittenStandard", "Bokmål"),
    WrittenStandard.NYNORSK: ("WrittenStandard", "Nynorsk"),
    WrittenStandard.NEUTRAL: ("WrittenStandard", "neutral"),
}
